-- Memedesk journal, schema 3: how long a limit order works (GTC, IOC, FOK), as the trader chose it
-- in the order ticket. Every earlier order worked until cancelled.
ALTER TABLE orders ADD COLUMN time_in_force TEXT NOT NULL DEFAULT 'GTC';
