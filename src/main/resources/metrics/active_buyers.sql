-- Active buyers(M) = customers with a completed order > 0 in the W days before the start of M, each with whether they still have one in the W days before its end.
INSERT INTO rollup_active_buyers (month, customer_id, active_at_end)
WITH months AS (SELECT month::date, month AT TIME ZONE :tz - make_interval(days => :inactivity_days) AS window_start,
                       month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end,
                       (month + interval '1 month') AT TIME ZONE :tz - make_interval(days => :inactivity_days) AS end_window_start
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count)
SELECT m.month, b.customer_id, b.active_at_end
FROM months m
CROSS JOIN LATERAL (
    SELECT p.customer_id, bool_or(p.ordered_at >= m.end_window_start) AS active_at_end
    -- The paid orders of both windows (the one before the end starts after the one before the start): every
    -- customer's through orders_time, or only those of the customers an import changed, through orders_customer.
    FROM (SELECT o.customer_id, o.ordered_at FROM orders o
          WHERE :all_customers AND o.ordered_at >= m.window_start AND o.ordered_at < m.month_end
            AND o.status = 'completed' AND o.amount > 0
          UNION ALL
          SELECT o.customer_id, o.ordered_at FROM unnest(:customers) AS c(customer_id)
          CROSS JOIN LATERAL (SELECT o.customer_id, o.ordered_at FROM orders o
                              WHERE o.customer_id = c.customer_id AND o.ordered_at >= m.window_start AND o.ordered_at < m.month_end
                                AND o.status = 'completed' AND o.amount > 0
                              OFFSET 0) o
          WHERE NOT :all_customers) p
    GROUP BY p.customer_id
    HAVING bool_or(p.ordered_at < m.month_start)) b
-- In (month, customer) order, so that each month's rows sit together for the metrics that read a month.
ORDER BY m.month, b.customer_id
