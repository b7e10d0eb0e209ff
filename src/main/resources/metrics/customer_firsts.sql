-- Customer firsts = earliest acquisition instant, first subscription instant, first and second month with a completed order > 0; a first before the refreshed months is kept (rows before them never change), the others are the earliest among rows from their start on (only the changed customers' after an import that lists them).
INSERT INTO rollup_customer_firsts (customer_id, acquired_at, first_subscribed_at, first_order_month, second_order_month)
WITH bounds AS (SELECT :from::timestamp AT TIME ZONE :tz AS from_instant, :from::date AS from_month),
recent_orders AS (
    SELECT o.customer_id, min(o.ordered_at) FILTER (WHERE o.amount > 0) AS first_paid,
           min(o.ordered_at) FILTER (WHERE o.type IN ('subscription', 'mixed')) AS first_subscription_order
    FROM orders o, bounds b WHERE o.status = 'completed' AND o.ordered_at >= b.from_instant
      AND (:all_customers OR o.customer_id = ANY(:customers))
    GROUP BY o.customer_id
),
recent_periods AS (
    SELECT s.customer_id,
           min(greatest(s.starts_at, coalesce(s.trial_ends_at, s.starts_at)))
               FILTER (WHERE s.ends_at IS NULL OR s.ends_at > coalesce(s.trial_ends_at, s.starts_at)) AS first_mrr,
           min(greatest(s.starts_at, coalesce(s.trial_ends_at, s.starts_at))) AS first_paid_period
    FROM subscriptions s, bounds b
    WHERE s.amount > 0 AND greatest(s.starts_at, coalesce(s.trial_ends_at, s.starts_at)) >= b.from_instant
      AND (:all_customers OR s.customer_id = ANY(:customers))
    GROUP BY s.customer_id
),
recent_months AS (
    SELECT customer_id, min(month) AS first_month, min(month) FILTER (WHERE orders_so_far >= 2) AS second_month
    FROM (SELECT c.customer_id, c.month, sum(c.orders) OVER (PARTITION BY c.customer_id ORDER BY c.month) AS orders_so_far
          FROM rollup_customer_orders c, bounds b WHERE c.month >= b.from_month AND c.orders > 0
            AND (:all_customers OR c.customer_id = ANY(:customers))) running
    GROUP BY customer_id
),
candidates AS (
    SELECT customer_id FROM recent_orders
    UNION SELECT customer_id FROM recent_periods
    UNION SELECT customer_id FROM recent_months
    UNION SELECT k.customer_id FROM rollup_customer_firsts k, bounds b
          WHERE (k.acquired_at >= b.from_instant OR k.first_subscribed_at >= b.from_instant
                 OR k.first_order_month >= b.from_month OR k.second_order_month >= b.from_month)
            AND (:all_customers OR k.customer_id = ANY(:customers))
)
SELECT c.customer_id,
       CASE WHEN k.acquired_at < b.from_instant THEN k.acquired_at ELSE least(o.first_paid, p.first_mrr) END,
       CASE WHEN k.first_subscribed_at < b.from_instant THEN k.first_subscribed_at
            ELSE least(o.first_subscription_order, p.first_paid_period) END,
       CASE WHEN k.first_order_month < b.from_month THEN k.first_order_month ELSE m.first_month END,
       CASE WHEN k.second_order_month < b.from_month THEN k.second_order_month
            WHEN k.first_order_month < b.from_month THEN m.first_month
            ELSE m.second_month END
FROM candidates c
CROSS JOIN bounds b
-- Restricted to the same customers as the candidates, so that their rows are looked up by key, not read all.
LEFT JOIN rollup_customer_firsts k ON k.customer_id = c.customer_id AND (:all_customers OR k.customer_id = ANY(:customers))
LEFT JOIN recent_orders o ON o.customer_id = c.customer_id
LEFT JOIN recent_periods p ON p.customer_id = c.customer_id
LEFT JOIN recent_months m ON m.customer_id = c.customer_id
WHERE :all_customers OR c.customer_id = ANY(:customers)
ON CONFLICT (customer_id) DO UPDATE SET acquired_at = EXCLUDED.acquired_at, first_subscribed_at = EXCLUDED.first_subscribed_at,
    first_order_month = EXCLUDED.first_order_month, second_order_month = EXCLUDED.second_order_month
