-- Lead conversion(M) = leads created in M that have converted_at ÷ leads created in M, overall and per channel (blank = "not set"), with the median days to convert.
WITH months AS (SELECT month::date, month AT TIME ZONE :tz AS month_start, (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
created AS (
    SELECT m.month, coalesce(l.channel, 'not set') AS channel, l.converted_at IS NOT NULL AS converted,
           extract(epoch FROM l.converted_at - l.created_at) / 86400 AS days
    FROM months m JOIN leads l ON l.created_at >= m.month_start AND l.created_at < m.month_end
),
groups AS (
    SELECT m.month, '' AS dimension, '' AS key, count(c.month) AS leads, count(*) FILTER (WHERE c.converted) AS converted,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY c.days) FILTER (WHERE c.converted) AS median_days
    FROM months m LEFT JOIN created c ON c.month = m.month GROUP BY m.month
    UNION ALL
    SELECT month, 'channel', channel, count(*), count(*) FILTER (WHERE converted),
           percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE converted)
    FROM created GROUP BY month, channel
)
SELECT month, 'lead_conversion_rate', dimension, key, converted::numeric / nullif(leads, 0),
       CASE WHEN leads = 0 THEN 'no leads created this month: upload leads.csv' END,
       jsonb_build_object('leads', leads, 'converted', converted, 'median_days_to_convert', round(median_days::numeric, 1))
FROM groups
