-- Memedesk journal, schema 5: a fee paid in a third asset (Binance's BNB discount) keeps its value
-- in the quote asset at the time, which the PnL counts. Every earlier fee was paid in the quote
-- asset or the traded token.
ALTER TABLE fills ADD COLUMN fee_value TEXT NOT NULL DEFAULT '0';
