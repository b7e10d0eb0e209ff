-- Renewals of a customer in M = the renewal dates of their subscriptions in M (renewal_dates): due, renewed, MRR just before and just after, retention offer.
INSERT INTO rollup_customer_renewals (month, customer_id, subscription_id, renews_at, billing_period, mrr_before, renewed,
                                      mrr_after, retention_offer)
SELECT date_trunc('month', r.renews_at AT TIME ZONE :tz)::date, r.customer_id, r.subscription_id, r.renews_at, r.billing_period,
       r.mrr_before, r.renewed, r.mrr_after, r.retention_offer
FROM renewal_dates(:from::timestamp AT TIME ZONE :tz, (:to::timestamp + interval '1 month') AT TIME ZONE :tz, :tz, :currency,
                   CASE WHEN :all_customers THEN NULL ELSE CAST(:customers AS text[]) END) r
-- In (month, customer) order, so that each month's rows sit together for the metrics that read a month.
ORDER BY 1, r.customer_id
