-- Customer MRR at the end of M = Σ over the customer's plans of their MRR per plan at the end of M (customer_plan_mrr.sql).
INSERT INTO rollup_customer_mrr (month, customer_id, mrr)
SELECT month, customer_id, sum(mrr)
FROM rollup_customer_plan_mrr
WHERE month >= :from::date AND (:all_customers OR customer_id = ANY(:customers))
GROUP BY month, customer_id
-- In (month, customer) order, so that each month's rows sit together for the metrics that read a month.
ORDER BY month, customer_id
