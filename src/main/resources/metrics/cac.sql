-- CAC = spend ÷ new customers over the trailing CAC window ending with M; per channel: that channel's spend ÷ new customers acquired through it; marketing share = marketing spend ÷ spend; marketing-originated share = marketing-sourced new customers ÷ new customers.
WITH months AS (SELECT month::date, (month - make_interval(months => :cac_window - 1))::date AS window_start,
                       (month - make_interval(months => :cac_window - 1)) AT TIME ZONE :tz AS window_start_instant,
                       (month + interval '1 month') AT TIME ZONE :tz AS month_end
                FROM generate_series(:from::timestamp, :to::timestamp, interval '1 month') AS month
                -- All the months: the LIMIT tells the planner how many (for a series of timestamps it assumes 1,000).
                LIMIT :month_count),
acquired AS (
    SELECT a.customer_id, a.acquired_at, c.marketing_originated, d.channel
    FROM customer_acquisition a LEFT JOIN customers c USING (customer_id) LEFT JOIN rollup_customer_dimensions d USING (customer_id)
    WHERE a.acquired_at >= (:from::timestamp - make_interval(months => :cac_window - 1)) AT TIME ZONE :tz
),
marketing_channels AS (SELECT DISTINCT channel FROM marketing_spend WHERE category = 'marketing'),
spend AS (
    SELECT m.month, s.channel, s.category, s.amount * fx_rate(s.currency, s.period_start, :currency) AS amount
    FROM months m JOIN marketing_spend s ON s.period_start >= m.window_start AND s.period_start < (m.month + interval '1 month')::date
),
newcomers AS (
    SELECT m.month, a.channel,
           coalesce(a.marketing_originated, a.channel IN (SELECT channel FROM marketing_channels)) AS marketing_sourced
    FROM months m JOIN acquired a ON a.acquired_at >= m.window_start_instant AND a.acquired_at < m.month_end
),
-- Materialized: each month's sums are computed once, not once for each use in the VALUES below.
overall AS MATERIALIZED (
    SELECT m.month,
           (SELECT coalesce(sum(amount), 0) FROM spend s WHERE s.month = m.month) AS spend,
           (SELECT coalesce(sum(amount), 0) FROM spend s WHERE s.month = m.month AND s.category = 'marketing') AS marketing,
           (SELECT count(*) FROM newcomers n WHERE n.month = m.month) AS customers,
           (SELECT count(*) FILTER (WHERE n.marketing_sourced) FROM newcomers n WHERE n.month = m.month) AS marketing_sourced
    FROM months m
),
per_channel AS (
    SELECT coalesce(s.month, n.month) AS month, coalesce(s.channel, n.channel) AS channel,
           coalesce(s.amount, 0) AS spend, coalesce(n.customers, 0) AS customers
    FROM (SELECT month, channel, sum(amount) AS amount FROM spend GROUP BY month, channel) s
    FULL JOIN (SELECT month, channel, count(*) AS customers FROM newcomers WHERE channel IS NOT NULL GROUP BY month, channel) n
        ON n.month = s.month AND n.channel = s.channel
)
SELECT o.month, x.metric, '', '', x.value, x.reason, x.inputs
FROM overall o
CROSS JOIN LATERAL (VALUES
    ('cac', CASE WHEN o.spend <> 0 THEN o.spend / nullif(o.customers, 0) END,
     CASE WHEN o.spend = 0 THEN 'CAC needs marketing spend: upload marketing_spend.csv'
          WHEN o.customers = 0 THEN 'no new customers in the CAC window' END,
     jsonb_build_object('spend', o.spend, 'new_customers', o.customers, 'window_months', :cac_window)),
    ('marketing_share_of_cac', o.marketing / nullif(o.spend, 0),
     CASE WHEN o.spend = 0 THEN 'needs marketing spend: upload marketing_spend.csv' END,
     jsonb_build_object('marketing_spend', o.marketing, 'spend', o.spend, 'window_months', :cac_window)),
    ('marketing_originated_share', o.marketing_sourced::numeric / nullif(o.customers, 0),
     CASE WHEN o.customers = 0 THEN 'no new customers in the window' END,
     jsonb_build_object('marketing_originated', o.marketing_sourced, 'new_customers', o.customers, 'window_months', :cac_window))
) AS x(metric, value, reason, inputs)
UNION ALL
SELECT month, 'cac', 'channel', channel, spend / nullif(customers, 0),
       CASE WHEN customers = 0 THEN 'no new customers from this channel in the window'
            WHEN spend = 0 THEN 'no spend recorded for this channel' END,
       jsonb_build_object('spend', spend, 'new_customers', customers, 'window_months', :cac_window)
FROM per_channel
