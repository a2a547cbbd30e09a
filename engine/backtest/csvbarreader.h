#pragma once

#include "engine/backtest/barsource.h"

#include <QFile>
#include <QHash>
#include <QString>

#include <limits>

namespace engine {

//! Reads bars from a CSV file as it goes (one row in memory at a time). Two formats, told apart
//! by the first line:
//! - Memedesk OHLCV, with the header `symbol,open_time_ms,open_time_utc,open,high,low,close,volume`
//!   (the format of ../shared/data/memecoins_binance_spot_1h.csv); several symbols per file.
//! - Binance klines, the 12 columns of Binance's public data dumps (open time, open, high, low,
//!   close, volume, close time, quote volume, trades, taker buy base, taker buy quote, ignore),
//!   with or without a header; open times in ms, or in µs as the dumps from 2025 on have them. The
//!   symbol is the one asked for (the files carry none).
//! Every row is checked: the column count, decimal numbers, positive prices with low <= open, close
//! <= high, a volume >= 0, and open times after the previous bar of the symbol. A bad row stops
//! the read with an error naming the line (BAR_DATA_INVALID); an empty file is an error too.
class CsvBarReader final : public BarSource {
public:
    enum class Format { Unknown, MemedeskOhlcv, BinanceKlines };

    //! `symbol`: the symbol to read from a multi-symbol file (empty = all of them), or the name
    //! to give a kline file's bars. Bars outside [fromMs, toMs] are skipped.
    CsvBarReader(QString path, QString symbol, qint64 fromMs = std::numeric_limits<qint64>::min(),
                 qint64 toMs = std::numeric_limits<qint64>::max());

    Result<bool> next(Candle &bar) override;

    [[nodiscard]] Format format() const { return m_format; }
    [[nodiscard]] qint64 bytesRead() const { return m_file.pos(); }
    [[nodiscard]] qint64 fileSize() const { return m_file.size(); }

private:
    Result<void> open();
    Result<bool> parseRow(const QByteArray &row, Candle &bar);
    Error invalid(const QString &why) const;

    QString m_path;
    QString m_symbol;
    qint64 m_fromMs;
    qint64 m_toMs;
    QFile m_file;
    bool m_opened = false;
    Format m_format = Format::Unknown;
    qint64 m_line = 0;
    QByteArray m_pending; // the first data row of a kline file without a header
    QHash<QString, qint64> m_lastMs;
    qint64 m_bars = 0; // bars handed out
};

} // namespace engine
