-- Customer dimensions = segment and country of customers.csv; acquisition channel = acquisition_channel, else the channel of the first completed order > 0, else of the first converted lead.
INSERT INTO rollup_customer_dimensions (customer_id, segment, channel, country)
WITH known AS (SELECT customer_id FROM customers WHERE :all_customers OR customer_id = ANY(:customers)
               UNION SELECT customer_id FROM rollup_customer_firsts WHERE :all_customers OR customer_id = ANY(:customers)),
-- Each customer's first order found through orders_customer, without reading the customer's later orders.
first_orders AS (
    SELECT k.customer_id, f.channel FROM known k
    CROSS JOIN LATERAL (SELECT o.channel FROM orders o
                        WHERE o.customer_id = k.customer_id AND o.status = 'completed' AND o.amount > 0
                        ORDER BY o.ordered_at LIMIT 1) f
),
first_leads AS (
    SELECT DISTINCT ON (customer_id) customer_id, channel FROM leads
    WHERE customer_id IS NOT NULL AND converted_at IS NOT NULL AND (:all_customers OR customer_id = ANY(:customers))
    ORDER BY customer_id, converted_at
)
SELECT k.customer_id, c.segment, coalesce(c.acquisition_channel, o.channel, l.channel), c.country
FROM known k
-- Restricted to the known customers, so that their rows are looked up by key, not read all.
LEFT JOIN customers c ON c.customer_id = k.customer_id AND (:all_customers OR c.customer_id = ANY(:customers))
LEFT JOIN first_orders o ON o.customer_id = k.customer_id
LEFT JOIN first_leads l ON l.customer_id = k.customer_id
