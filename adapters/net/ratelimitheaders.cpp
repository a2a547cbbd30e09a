#include "adapters/net/ratelimitheaders.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace adapters::net {

namespace {

qint64 clampPause(qint64 ms)
{
    return std::clamp<qint64>(ms, 0, kMaxServerPauseMs);
}

// RFC 9110 allows three date formats; servers send the first, the other two are obsolete.
// The weekday is dropped before parsing: it adds nothing, and a wrong one must not void the date.
std::optional<QDateTime> parseHttpDate(const QString &text)
{
    const QString simplified = text.simplified();
    const qsizetype comma = simplified.indexOf(u',');
    const QString noWeekday = comma >= 0 ? simplified.mid(comma + 1).trimmed()
                                         : simplified.section(u' ', 1); // asctime: "Wed Oct 21 07:28:00 2015"
    static const char *const formats[] = {
        "dd MMM yyyy hh:mm:ss 'GMT'", // IMF-fixdate
        "dd-MMM-yy hh:mm:ss 'GMT'",   // RFC 850
        "MMM d hh:mm:ss yyyy",        // asctime
    };
    const QLocale c = QLocale::c();
    for (const char *format : formats) {
        QDateTime dt = c.toDateTime(noWeekday, QString::fromLatin1(format));
        if (dt.isValid()) {
            if (dt.date().year() < 1970)
                dt = dt.addYears(100); // two-digit years of RFC 850
            dt.setTimeZone(QTimeZone::utc()); // HTTP dates are always GMT
            return dt;
        }
    }
    const QDateTime rfc2822 = QDateTime::fromString(simplified, Qt::RFC2822Date);
    if (rfc2822.isValid())
        return rfc2822;
    return std::nullopt;
}

} // namespace

std::optional<qint64> parseRetryAfterMs(const QByteArray &value, qint64 nowEpochMs)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds))
            return std::nullopt;
        return clampPause(static_cast<qint64>(std::ceil(std::min(seconds, 1e9) * 1000.0)));
    }
    const auto date = parseHttpDate(QString::fromLatin1(trimmed));
    if (!date)
        return std::nullopt;
    return clampPause(date->toMSecsSinceEpoch() - nowEpochMs);
}

std::optional<qint64> parseEpochResetMs(const QByteArray &value, qint64 nowEpochMs)
{
    bool ok = false;
    const double seconds = value.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > 1e11)
        return std::nullopt;
    return clampPause(static_cast<qint64>(std::ceil(seconds * 1000.0)) - nowEpochMs);
}

std::optional<qint64> serverPauseMs(const HeaderList &headers, const QList<PauseHeader> &specs, qint64 nowEpochMs)
{
    std::optional<qint64> longest;
    for (const PauseHeader &spec : specs) {
        for (const auto &[key, value] : headers) {
            if (key.compare(spec.name, Qt::CaseInsensitive) != 0)
                continue;
            const auto ms = spec.format == PauseHeader::Format::RetryAfter ? parseRetryAfterMs(value, nowEpochMs)
                                                                           : parseEpochResetMs(value, nowEpochMs);
            if (ms && (!longest || *ms > *longest))
                longest = ms;
        }
    }
    return longest;
}

std::optional<int> parseUsedWeight(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const int used = value.trimmed().toInt(&ok);
        if (ok && used >= 0)
            return used;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace adapters::net
