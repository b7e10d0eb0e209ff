-- Customer orders(M) = Σ amounts of the customer's completed orders placed in M × FX(ordered_at); orders counts those > 0.
INSERT INTO rollup_customer_orders (month, customer_id, revenue, positive_revenue, orders, one_time_revenue, subscription_revenue)
WITH converted AS MATERIALIZED (
    SELECT date_trunc('month', o.ordered_at AT TIME ZONE :tz)::date AS month, o.customer_id, o.amount,
           o.one_time_amount, o.subscription_amount,
           CASE WHEN o.currency = :currency THEN 1 ELSE fx_rate(o.currency, (o.ordered_at AT TIME ZONE :tz)::date, :currency) END AS rate
    FROM orders o
    WHERE o.status = 'completed' AND o.ordered_at >= :from::timestamp AT TIME ZONE :tz
      AND (:all_customers OR o.customer_id = ANY(:customers))
)
SELECT month, customer_id,
       coalesce(sum(amount * rate), 0),
       coalesce(sum(amount * rate) FILTER (WHERE amount > 0), 0),
       count(*) FILTER (WHERE amount > 0),
       coalesce(sum(one_time_amount * rate), 0),
       coalesce(sum(subscription_amount * rate), 0)
FROM converted
GROUP BY month, customer_id
