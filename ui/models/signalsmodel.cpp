#include "ui/models/signalsmodel.h"

#include "ui/format.h"
#include "ui/labels.h"
#include "ui/theme.h"

#include <QColor>

#include <algorithm>

namespace ui {

SignalsModel::SignalsModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{
}

void SignalsModel::setSignals(const QList<engine::Signal> &signalList)
{
    beginResetModel();
    m_rows = signalList.mid(0, m_capacity);
    m_snapshotNewestMs = m_rows.isEmpty() ? 0 : m_rows.first().tsMs;
    endResetModel();
}

bool SignalsModel::isKnown(const engine::Signal &signal) const
{
    // An event may also be in the snapshot taken just after subscribing. Only exact
    // matches near the top are dropped: a simulated clock may run behind the journal's.
    if (signal.tsMs > m_snapshotNewestMs)
        return false;
    const int depth = std::min(int(m_rows.size()), 64);
    for (int i = 0; i < depth; ++i) {
        const engine::Signal &s = m_rows.at(i);
        if (s.tsMs == signal.tsMs && s.symbol == signal.symbol && s.action == signal.action)
            return true;
    }
    return false;
}

void SignalsModel::addSignal(const engine::Signal &signal)
{
    if (isKnown(signal))
        return;
    beginInsertRows({}, 0, 0);
    m_rows.prepend(signal);
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_rows.size()) - 1);
        m_rows.resize(m_capacity);
        endRemoveRows();
    }
}

void SignalsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Action), index(int(m_rows.size()) - 1, Action));
}

int SignalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SignalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignalsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const engine::Signal &s = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return format::timeOfDay(s.tsMs);
        case Symbol: return s.symbol;
        case Action: return Labels::signalAction(s.action);
        case Score: return format::number(s.score, 2, true);
        case Momentum: return format::percent(s.momentum * 100.0, 2, true);
        case Rsi: return format::number(s.rsi, 1);
        case VolumeZ: return format::number(s.volumeZ, 2, true);
        case MentionVelocity: return format::number(s.mentionVelocity, 1) + QStringLiteral("×");
        case Sentiment: return format::number(s.sentiment, 2, true);
        case UniqueAuthors: return QString::number(s.uniqueAuthors);
        case LiquidityChange:
            return s.liquidityPulled ? tr("pulled") : format::percent(s.liquidityChange * 100.0, 1, true);
        case Explanation: return s.explanation;
        }
    } else if (role == Qt::TextAlignmentRole) {
        const bool left = index.column() == Time || index.column() == Symbol || index.column() == Action
                          || index.column() == Explanation;
        return left ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ForegroundRole) {
        switch (index.column()) {
        case Action:
            return s.action == QLatin1String("BUY")    ? Theme::positive()
                   : s.action == QLatin1String("SELL") ? Theme::negative()
                                                       : Theme::muted();
        case Score: return Theme::forSign(s.score > 0.005 ? 1 : s.score < -0.005 ? -1 : 0);
        case LiquidityChange:
            if (s.liquidityPulled || s.liquidityChange < -0.2)
                return Theme::negative();
            break;
        default: break;
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("%1 at %2, price %3\n%4").arg(s.symbol, format::dateTime(s.tsMs), format::price(s.price), s.explanation);
    }
    return {};
}

QVariant SignalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Score: return tr("Fused score from -1 (strong sell) to +1 (strong buy)");
        case Momentum: return tr("Fast EMA over slow EMA minus one");
        case VolumeZ: return tr("Volume z-score against the recent baseline");
        case MentionVelocity: return tr("Mentions per minute now versus the baseline window");
        case Sentiment: return tr("Mean sentiment of recent posts, -1 to +1");
        case LiquidityChange: return tr("Change of pool liquidity over the window");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Symbol: return tr("Symbol");
    case Action: return tr("Action");
    case Score: return tr("Score");
    case Momentum: return tr("Momentum");
    case Rsi: return tr("RSI");
    case VolumeZ: return tr("Volume z");
    case MentionVelocity: return tr("Mentions");
    case Sentiment: return tr("Sentiment");
    case UniqueAuthors: return tr("Authors");
    case LiquidityChange: return tr("Liquidity");
    case Explanation: return tr("Explanation");
    }
    return {};
}

} // namespace ui
