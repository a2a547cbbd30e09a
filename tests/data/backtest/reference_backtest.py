#!/usr/bin/env python3
"""An independent implementation of the reference backtest rules in docs/backtesting.md.

Written from the rules, not from the C++ code, in plain Python: float for the indicators (as the
rules define them), decimal.Decimal at 50 digits for the money. Its output is committed next to it
and the C++ backtester must reproduce it (tests/backtest/test_referencebacktest.cpp).

    reference_backtest.py DATA.csv SYMBOL ema_cross FAST SLOW FEE SLIPPAGE [CAPITAL]
    reference_backtest.py DATA.csv SYMBOL rsi_reversion PERIOD LOWER UPPER FEE SLIPPAGE [CAPITAL]
"""
import csv
import datetime
import decimal
import json
import math
import sys

decimal.getcontext().prec = 50
D = decimal.Decimal


def iso(ms):
    return datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def load(path, symbol):
    rows = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["symbol"] == symbol:
                rows.append((int(r["open_time_ms"]), D(r["open"]), D(r["close"])))
    rows.sort()
    return rows


def ema_series(closes, n):
    """EMA with alpha = 2/(n+1), seeded with the mean of the first n closes; None before."""
    out = [None] * len(closes)
    alpha = 2.0 / (n + 1)
    if len(closes) < n:
        return out
    value = sum(closes[:n]) / n
    out[n - 1] = value
    for i in range(n, len(closes)):
        value = alpha * closes[i] + (1 - alpha) * value
        out[i] = value
    return out


def rsi_series(closes, n):
    """Wilder RSI: first averages the mean of the first n changes, then Wilder smoothing."""
    out = [None] * len(closes)
    if len(closes) <= n:
        return out
    gains, losses = [], []
    for i in range(1, len(closes)):
        d = closes[i] - closes[i - 1]
        gains.append(d if d > 0 else 0.0)
        losses.append(-d if d < 0 else 0.0)
    avg_gain = sum(gains[:n]) / n
    avg_loss = sum(losses[:n]) / n

    def value(g, l):
        if l == 0:
            return 50.0 if g == 0 else 100.0
        return 100.0 - 100.0 / (1.0 + g / l)

    out[n] = value(avg_gain, avg_loss)
    for i in range(n + 1, len(closes)):
        avg_gain = (avg_gain * (n - 1) + gains[i - 1]) / n
        avg_loss = (avg_loss * (n - 1) + losses[i - 1]) / n
        out[i] = value(avg_gain, avg_loss)
    return out


def signals(strategy, params, closes):
    """'buy' / 'sell' / None per bar, decided on that bar's close."""
    sig = [None] * len(closes)
    if strategy == "ema_cross":
        fast, slow = ema_series(closes, params[0]), ema_series(closes, params[1])
        for t in range(1, len(closes)):
            if None in (fast[t - 1], slow[t - 1], fast[t], slow[t]):
                continue
            if fast[t - 1] <= slow[t - 1] and fast[t] > slow[t]:
                sig[t] = "buy"
            elif fast[t - 1] >= slow[t - 1] and fast[t] < slow[t]:
                sig[t] = "sell"
    else:
        period, lower, upper = params
        rsi = rsi_series(closes, period)
        for t in range(1, len(closes)):
            if rsi[t - 1] is None or rsi[t] is None:
                continue
            if rsi[t - 1] < lower <= rsi[t]:
                sig[t] = "buy"
            elif rsi[t - 1] > upper >= rsi[t]:
                sig[t] = "sell"
    return sig


def run(rows, sig, fee, slip, capital):
    cash, qty = capital, D(0)
    entry = None
    trades, equity, held = [], [], []
    for t, (ms, open_, close) in enumerate(rows):
        s = sig[t - 1] if t > 0 else None  # yesterday's close decides, today's open fills
        if s == "buy" and qty == 0:
            price = open_ * (1 + slip)
            qty = cash / (price * (1 + fee))
            buy_fee = qty * price * fee
            cash -= qty * price + buy_fee
            entry = (ms, price, buy_fee)
        elif s == "sell" and qty > 0:
            price = open_ * (1 - slip)
            proceeds = qty * price
            sell_fee = proceeds * fee
            cash += proceeds - sell_fee
            pnl = proceeds - sell_fee - qty * entry[1] - entry[2]
            trades.append({"entry_time": iso(entry[0]), "entry_price": str(entry[1]), "exit_time": iso(ms),
                           "exit_price": str(price), "qty": str(qty), "pnl": str(pnl), "fees": str(entry[2] + sell_fee)})
            qty, entry = D(0), None
        equity.append(cash + qty * close)
        held.append(qty > 0)
    open_position = None
    if qty > 0:
        open_position = {"entry_time": iso(entry[0]), "entry_price": str(entry[1]), "qty": str(qty),
                         "unrealized_pnl": str(qty * rows[-1][2] - qty * entry[1] - entry[2])}
    return trades, equity, held, open_position


def metrics(rows, trades, equity, held, capital, bars_per_year):
    eq = [float(e) for e in equity]
    rets = [eq[i] / eq[i - 1] - 1 for i in range(1, len(eq))]
    n = len(rets)
    mean = sum(rets) / n
    sd = math.sqrt(sum((r - mean) ** 2 for r in rets) / (n - 1))
    downside = math.sqrt(sum(min(r, 0.0) ** 2 for r in rets) / n)
    peak, max_dd, under, longest = float(capital), 0.0, 0, 0
    for e in eq:
        if e >= peak:
            peak, under = e, 0
        else:
            under += 1
            max_dd = max(max_dd, (peak - e) / peak)
            longest = max(longest, under)
    years = (rows[-1][0] - rows[0][0]) / (365 * 86400000)
    growth = eq[-1] / float(capital)
    cagr = growth ** (1 / years) - 1
    pnls = [D(t["pnl"]) for t in trades]
    wins = [p for p in pnls if p > 0]
    losses = [p for p in pnls if p < 0]
    return {
        "total_return": growth - 1,
        "cagr": cagr,
        "volatility": sd * math.sqrt(bars_per_year),
        "sharpe": mean / sd * math.sqrt(bars_per_year),
        "sortino": mean / downside * math.sqrt(bars_per_year),
        "max_drawdown": max_dd,
        "max_drawdown_duration_bars": longest,
        "calmar": cagr / max_dd,
        "win_rate": len(wins) / len(pnls) if pnls else None,
        "profit_factor": float(sum(wins) / -sum(losses)) if losses else None,
        "exposure": sum(held) / len(held),
        "num_trades": len(trades),
        "final_equity": str(equity[-1]),
    }


def main():
    path, symbol, strategy = sys.argv[1], sys.argv[2], sys.argv[3]
    if strategy == "ema_cross":
        params = [int(sys.argv[4]), int(sys.argv[5])]
        rest = sys.argv[6:]
    else:
        params = [int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])]
        rest = sys.argv[7:]
    fee, slip = D(rest[0]), D(rest[1])
    capital = D(rest[2]) if len(rest) > 2 else D(10000)
    rows = load(path, symbol)
    closes = [float(c) for _, _, c in rows]
    sig = signals(strategy, params, closes)
    trades, equity, held, open_position = run(rows, sig, fee, slip, capital)
    interval = min(rows[i][0] - rows[i - 1][0] for i in range(1, len(rows)))
    out = {"symbol": symbol, "strategy": strategy, "params": params, "fee": str(fee), "slippage": str(slip),
           "metrics": metrics(rows, trades, equity, held, capital, 365 * 86400000 / interval),
           "trades": trades, "open_position": open_position}
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
