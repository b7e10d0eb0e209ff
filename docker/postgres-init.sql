-- The application's login: owns its database and creates one role and one schema per tenant (CREATEROLE).
CREATE ROLE merchant_metrics LOGIN PASSWORD 'merchant_metrics' CREATEROLE;
CREATE DATABASE merchant_metrics OWNER merchant_metrics;
