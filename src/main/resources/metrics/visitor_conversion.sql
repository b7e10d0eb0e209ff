-- Visitor conversion(M) = buyers (distinct customers with a completed order > 0 in M) ÷ visitors (Σ daily traffic.visitors in M); per channel and landing page alike.
WITH months AS (SELECT month::date, month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
-- The orders that name a channel or landing page; the month's buyers are counted from the rollup's customer orders.
buyers AS (
    SELECT m.month, o.customer_id, coalesce(o.channel, '') AS channel, coalesce(o.landing_page, '') AS page
    FROM months m JOIN orders o ON o.status = 'completed' AND o.amount > 0
                               AND o.ordered_at >= m.month_start AND o.ordered_at < m.month_end
    WHERE o.channel <> '' OR o.landing_page <> ''
),
visits AS (
    SELECT m.month, t.channel, t.page, t.visitors
    FROM months m JOIN traffic t ON t.day >= m.month AND t.day < (m.month + interval '1 month')::date
),
groups AS (
    SELECT month, '' AS dimension, '' AS key, 0 AS buyers, 0 AS visitors FROM months
    UNION ALL
    SELECT m.month, '', '', (SELECT count(*) FROM rollup_customer_orders c WHERE c.month = m.month AND c.orders > 0), 0 FROM months m
    UNION ALL
    SELECT month, '', '', 0, sum(visitors) FROM visits GROUP BY month
    UNION ALL
    SELECT month, 'channel', channel, count(DISTINCT customer_id), 0 FROM buyers WHERE channel <> '' GROUP BY month, channel
    UNION ALL
    SELECT month, 'channel', channel, 0, sum(visitors) FROM visits WHERE channel <> '' GROUP BY month, channel
    UNION ALL
    SELECT month, 'page', page, count(DISTINCT customer_id), 0 FROM buyers WHERE page <> '' GROUP BY month, page
    UNION ALL
    SELECT month, 'page', page, 0, sum(visitors) FROM visits WHERE page <> '' GROUP BY month, page
)
SELECT month, 'visitor_conversion_rate', dimension, key, sum(buyers)::numeric / nullif(sum(visitors), 0),
       CASE WHEN sum(visitors) = 0 THEN 'no visitors uploaded for this month: upload traffic.csv' END,
       jsonb_build_object('buyers', sum(buyers), 'visitors', sum(visitors))
FROM groups GROUP BY month, dimension, key
