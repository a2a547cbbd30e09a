#include "ui/widgets/candlechart.h"

#include "ui/format.h"
#include "ui/theme.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr double kAxisWidth = 86;   // price labels on the right
constexpr double kAxisHeight = 22;  // time labels below
constexpr double kMinVisibleBars = 10;

QString priceLabel(double v) { return format::price(engine::Decimal::fromDouble(v, 12), 5); }

} // namespace

CandleChart::CandleChart(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumHeight(200);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void CandleChart::setData(const engine::ChartBars &bars, QList<Marker> markers)
{
    m_bars = bars;
    m_markers = std::move(markers);
    m_first = 0;
    m_last = double(m_bars.size());
    m_hover = -1;
    update();
}

void CandleChart::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void CandleChart::setVisibleRange(double first, double last)
{
    m_first = first;
    m_last = last;
    clampRange();
    update();
}

void CandleChart::clampRange()
{
    const double n = double(m_bars.size());
    const double span = std::clamp(m_last - m_first, std::min(kMinVisibleBars, n), std::max(n, 1.0));
    m_first = std::clamp(m_first, 0.0, std::max(0.0, n - span));
    m_last = m_first + span;
}

QRectF CandleChart::plotArea() const
{
    return QRectF(8, 8, std::max(10.0, width() - kAxisWidth - 8), std::max(10.0, height() - kAxisHeight - 8));
}

double CandleChart::indexAt(double x) const
{
    const QRectF area = plotArea();
    return m_first + (x - area.left()) / area.width() * (m_last - m_first);
}

void CandleChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Theme::panel());
    m_strokes = 0;
    const QRectF area = plotArea();
    const qsizetype n = m_bars.size();
    if (n == 0) {
        p.setPen(Theme::muted());
        p.drawText(rect(), Qt::AlignCenter,
                   m_placeholder.isEmpty() ? tr("Run a backtest to see its bars and trades here.") : m_placeholder);
        return;
    }
    const qsizetype first = std::clamp<qsizetype>(qsizetype(std::floor(m_first)), 0, n - 1);
    const qsizetype last = std::clamp<qsizetype>(qsizetype(std::ceil(m_last)), first + 1, n);
    // The price range of what is visible.
    float lo = m_bars.low.at(first);
    float hi = m_bars.high.at(first);
    for (qsizetype i = first; i < last; ++i) {
        lo = std::min(lo, m_bars.low.at(i));
        hi = std::max(hi, m_bars.high.at(i));
    }
    // Some room above and below; a flat or degenerate range (one price, zeros, a bad value)
    // still gets a height, so nothing divides by zero or draws at infinity.
    double pad = std::max(double(hi - lo) * 0.06, std::abs(double(hi)) * 1e-6);
    if (!std::isfinite(pad) || pad <= 0)
        pad = 1.0;
    const double top = std::isfinite(double(hi)) ? double(hi) + pad : 1.0;
    const double bottom = std::isfinite(double(lo)) ? std::max(0.0, double(lo) - pad) : 0.0;
    if (!(top > bottom)) {
        p.setPen(Theme::muted());
        p.drawText(rect(), Qt::AlignCenter, tr("These bars have no usable prices."));
        return;
    }
    const auto y = [&](double price) { return area.bottom() - (price - bottom) / (top - bottom) * area.height(); };
    const double barsPerPixel = (m_last - m_first) / area.width();
    const auto x = [&](double index) { return area.left() + (index - m_first) / (m_last - m_first) * area.width(); };

    // Grid and price labels.
    p.setPen(Theme::grid());
    QFontMetrics fm(font());
    for (int k = 0; k <= 4; ++k) {
        const double price = bottom + (top - bottom) * k / 4.0;
        const double yy = y(price);
        p.setPen(Theme::grid());
        p.drawLine(QPointF(area.left(), yy), QPointF(area.right(), yy));
        p.setPen(Theme::muted());
        p.drawText(QPointF(area.right() + 6, yy + fm.ascent() / 2.0), priceLabel(price));
    }
    const qint64 spanMs = m_bars.timeMs.at(last - 1) - m_bars.timeMs.at(first);
    const QString timeFormat = spanMs > 3LL * 86'400'000 * 365 ? QStringLiteral("yyyy-MM")
                               : spanMs > 3LL * 86'400'000    ? QStringLiteral("yyyy-MM-dd")
                                                              : QStringLiteral("MM-dd HH:mm");
    for (int k = 0; k < 5; ++k) {
        const double index = m_first + (m_last - m_first) * (k + 0.5) / 5.0;
        const qsizetype i = std::clamp<qsizetype>(qsizetype(index), 0, n - 1);
        const QString label = QDateTime::fromMSecsSinceEpoch(m_bars.timeMs.at(i), Qt::UTC).toString(timeFormat);
        p.drawText(QPointF(x(index) - fm.horizontalAdvance(label) / 2.0, area.bottom() + fm.ascent() + 4), label);
    }

    p.save();
    p.setClipRect(area);
    const QColor up = Theme::positive();
    const QColor down = Theme::negative();
    if (barsPerPixel < 1.0 / 3.0) {
        // Room for real candles: a wick and a body per bar.
        const double body = std::max(1.0, 0.7 / barsPerPixel);
        for (qsizetype i = first; i < last; ++i) {
            const bool rising = m_bars.close.at(i) >= m_bars.open.at(i);
            const QColor c = rising ? up : down;
            const double cx = x(double(i) + 0.5);
            p.setPen(c);
            p.drawLine(QPointF(cx, y(m_bars.high.at(i))), QPointF(cx, y(m_bars.low.at(i))));
            const double y1 = y(std::max(m_bars.open.at(i), m_bars.close.at(i)));
            const double y2 = y(std::min(m_bars.open.at(i), m_bars.close.at(i)));
            p.fillRect(QRectF(cx - body / 2, y1, body, std::max(1.0, y2 - y1)), c);
            ++m_strokes;
        }
    } else {
        // Several bars per pixel column: their range as one stroke, coloured by the column's move.
        const int columns = int(std::ceil(area.width()));
        for (int col = 0; col < columns; ++col) {
            const qsizetype a = std::max<qsizetype>(first, qsizetype(std::floor(m_first + col * barsPerPixel)));
            const qsizetype b = std::min<qsizetype>(last, qsizetype(std::floor(m_first + (col + 1) * barsPerPixel)));
            if (a >= b)
                continue;
            float low = m_bars.low.at(a);
            float high = m_bars.high.at(a);
            for (qsizetype i = a + 1; i < b; ++i) {
                low = std::min(low, m_bars.low.at(i));
                high = std::max(high, m_bars.high.at(i));
            }
            p.setPen(m_bars.close.at(b - 1) >= m_bars.open.at(a) ? up : down);
            const double cx = area.left() + col + 0.5;
            p.drawLine(QPointF(cx, y(high)), QPointF(cx, std::max(y(low), y(high) + 1)));
            ++m_strokes;
        }
    }
    // Trades: a green triangle under a buy's price, a red one over a sell's.
    p.setRenderHint(QPainter::Antialiasing);
    for (const Marker &m : std::as_const(m_markers)) {
        const auto it = std::lower_bound(m_bars.timeMs.cbegin(), m_bars.timeMs.cend(), m.timeMs);
        const double index = double(it - m_bars.timeMs.cbegin());
        if (index + 1 < m_first || index > m_last)
            continue;
        const double cx = x(index + 0.5);
        const double cy = y(m.price);
        QPainterPath tri;
        if (m.buy) {
            tri.moveTo(cx, cy + 3);
            tri.lineTo(cx - 5, cy + 12);
            tri.lineTo(cx + 5, cy + 12);
        } else {
            tri.moveTo(cx, cy - 3);
            tri.lineTo(cx - 5, cy - 12);
            tri.lineTo(cx + 5, cy - 12);
        }
        tri.closeSubpath();
        p.fillPath(tri, m.buy ? up.lighter(130) : down.lighter(130));
    }
    p.restore();

    // The bar under the cursor.
    if (m_hover >= 0 && m_hover < n) {
        const qsizetype i = m_hover;
        const QString text = tr("%1  O %2  H %3  L %4  C %5")
                                 .arg(QDateTime::fromMSecsSinceEpoch(m_bars.timeMs.at(i), Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                      priceLabel(m_bars.open.at(i)), priceLabel(m_bars.high.at(i)), priceLabel(m_bars.low.at(i)),
                                      priceLabel(m_bars.close.at(i)));
        p.setPen(Theme::text());
        p.drawText(QPointF(area.left() + 6, area.top() + fm.ascent() + 2), m_bars.symbol + QStringLiteral("  ") + text);
    } else {
        p.setPen(Theme::muted());
        p.drawText(QPointF(area.left() + 6, area.top() + fm.ascent() + 2),
                   tr("%1 · %2 bars · wheel to zoom, drag to pan").arg(m_bars.symbol).arg(n));
    }
}

void CandleChart::wheelEvent(QWheelEvent *event)
{
    if (m_bars.size() == 0)
        return;
    const double at = indexAt(event->position().x());
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    m_first = at - (at - m_first) * factor;
    m_last = at + (m_last - at) * factor;
    clampRange();
    update();
    event->accept();
}

void CandleChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragging = true;
    m_dragX = event->position().x();
    m_dragFirst = m_first;
}

void CandleChart::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const double span = m_last - m_first;
        m_first = m_dragFirst - (event->position().x() - m_dragX) / plotArea().width() * span;
        m_last = m_first + span;
        clampRange();
    }
    const double index = indexAt(event->position().x());
    m_hover = plotArea().contains(event->position()) && index >= 0 && index < double(m_bars.size()) ? int(index) : -1;
    update();
}

void CandleChart::mouseReleaseEvent(QMouseEvent *) { m_dragging = false; }

void CandleChart::mouseDoubleClickEvent(QMouseEvent *)
{
    m_first = 0;
    m_last = double(m_bars.size());
    update();
}

void CandleChart::leaveEvent(QEvent *)
{
    m_hover = -1;
    update();
}

} // namespace ui
