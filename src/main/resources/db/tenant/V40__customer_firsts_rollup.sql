-- Each customer's first moments, kept by the rollup refresh so that metrics over "the first time a customer …" never
-- rescan the whole order history: acquisition (first completed order > 0 or first instant with MRR), first
-- subscription (first completed subscription/mixed order or first paid period after its trial), and the months of
-- the first and second completed orders > 0. A row may hold only nulls (a customer who never qualified).
CREATE TABLE rollup_customer_firsts (
    customer_id         text PRIMARY KEY,
    acquired_at         timestamptz,
    first_subscribed_at timestamptz,
    first_order_month   date,
    second_order_month  date
);
CREATE INDEX rollup_customer_firsts_acquired ON rollup_customer_firsts (acquired_at);
CREATE INDEX rollup_customer_orders_customer ON rollup_customer_orders (customer_id, month);

-- Filled from the whole history with the definitions the metrics used so far; refreshes keep it from now on.
INSERT INTO rollup_customer_firsts (customer_id, acquired_at, first_subscribed_at, first_order_month, second_order_month)
WITH subscribed AS (
    SELECT customer_id, min(first_at) AS first_at
    FROM (SELECT customer_id, min(ordered_at) AS first_at FROM orders
          WHERE status = 'completed' AND type IN ('subscription', 'mixed') GROUP BY customer_id
          UNION ALL
          SELECT customer_id, min(greatest(starts_at, coalesce(trial_ends_at, starts_at))) FROM subscriptions
          WHERE amount > 0 GROUP BY customer_id) firsts
    GROUP BY customer_id
),
running AS (
    SELECT customer_id, month, sum(orders) OVER (PARTITION BY customer_id ORDER BY month) AS orders_so_far
    FROM rollup_customer_orders WHERE orders > 0
),
milestones AS (
    SELECT customer_id, min(month) AS first_month, min(month) FILTER (WHERE orders_so_far >= 2) AS second_month
    FROM running GROUP BY customer_id
)
SELECT customer_id, a.acquired_at, s.first_at, m.first_month, m.second_month
FROM customer_acquisition a
FULL JOIN subscribed s USING (customer_id)
FULL JOIN milestones m USING (customer_id);

CREATE OR REPLACE VIEW customer_acquisition AS
SELECT customer_id, acquired_at FROM rollup_customer_firsts WHERE acquired_at IS NOT NULL;
