-- Completed orders per customer and month (month in the tenant's time zone), converted to the reporting currency
-- once per refresh so that monthly and trailing metrics never re-convert raw orders.
CREATE TABLE rollup_customer_orders (
    month                date    NOT NULL,
    customer_id          text    NOT NULL,
    revenue              numeric NOT NULL,
    positive_revenue     numeric NOT NULL,
    orders               integer NOT NULL,
    one_time_revenue     numeric NOT NULL,
    subscription_revenue numeric NOT NULL,
    PRIMARY KEY (month, customer_id)
);
