#include "engine/execution/journalaudit.h"

namespace engine {

namespace {
constexpr qsizetype kMaxProblems = 20; // a report a person can read

void note(QStringList *problems, const QString &problem)
{
    if (problems->size() < kMaxProblems)
        problems->append(problem);
    else if (problems->size() == kMaxProblems)
        problems->append(QStringLiteral("… and more"));
}
} // namespace

JournalAudit::JournalAudit(QString quoteAsset, Decimal startingEquity)
    : m_portfolio(std::move(quoteAsset))
{
    m_portfolio.reset(startingEquity);
}

bool JournalAudit::addFill(const Fill &fill)
{
    ++m_fills;
    const Result<void> booked = m_portfolio.applyFill(fill, fill.tsMs);
    if (booked) {
        if (fill.feeInOtherAsset())
            m_outsideFees += fill.feeValue;
        return true;
    }
    note(&m_problems, QStringLiteral("fill %1 cannot be replayed: %2").arg(fill.fillId, booked.error().message));
    return false;
}

QStringList JournalAudit::compare(const JournalSnapshot &journal) const
{
    QStringList problems = m_problems;
    const QString quote = m_portfolio.quoteAsset();
    const auto cash = journal.balances.constFind(quote);
    // The stored starting equity already holds the fees paid in a third asset (brought in and spent
    // at once), which the replay has added again; they never were cash.
    const Decimal replayedCash = m_portfolio.cash() - m_outsideFees;
    if (cash == journal.balances.constEnd())
        note(&problems, QStringLiteral("no %1 balance is stored, but %2 fill(s) are").arg(quote).arg(m_fills));
    else if (*cash != replayedCash)
        note(&problems, QStringLiteral("%1 balance is %2, but the fills give %3 (difference %4)")
                            .arg(quote, cash->toString(), replayedCash.toString(), (*cash - replayedCash).toString()));

    QHash<QString, Position> stored;
    for (const Position &p : journal.positions)
        stored.insert(p.symbol, p);
    QHash<QString, Position> derived;
    for (const Position &p : m_portfolio.allPositions())
        derived.insert(p.symbol, p);
    auto field = [&](const QString &symbol, const char *name, Decimal have, Decimal want) {
        if (have != want)
            note(&problems, QStringLiteral("position %1: %2 is %3, but the fills give %4")
                                .arg(symbol, QLatin1String(name), have.toString(), want.toString()));
    };
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const Position want = derived.value(it.key()); // a symbol without fills must be all zero
        field(it.key(), "quantity", it->qty, want.qty);
        field(it.key(), "cost basis", it->costBasis, want.costBasis);
        field(it.key(), "realized PnL", it->realizedPnl, want.realizedPnl);
        field(it.key(), "fees", it->fees, want.fees);
    }
    for (auto it = derived.cbegin(); it != derived.cend(); ++it) {
        if (!stored.contains(it.key()))
            note(&problems, QStringLiteral("position %1 is missing, but the fills give %2 held")
                                .arg(it.key(), it->qty.toString()));
    }
    if (journal.fillCount != m_fills)
        note(&problems, QStringLiteral("%1 fills counted, %2 replayed").arg(journal.fillCount).arg(m_fills));
    return problems;
}

Result<void> JournalAudit::run(TradeStore &store, const JournalSnapshot &journal, const QString &quoteAsset)
{
    const bool fresh = journal.balances.isEmpty() && journal.positions.isEmpty() && journal.fillCount == 0;
    if (fresh)
        return {}; // a new account: nothing to disagree yet
    const QString startText = journal.settings.value(QStringLiteral("portfolio.starting_equity"));
    QString why;
    const auto start = Decimal::parse(startText, &why);
    if (!start || !start->isPositive())
        return Error{QLatin1String(errors::kJournalValueUnreadable),
                     QStringLiteral("the setting portfolio.starting_equity ('%1') cannot be read: %2")
                         .arg(startText.left(64), startText.isEmpty() ? QStringLiteral("missing") : why)};
    JournalAudit audit(quoteAsset, *start);
    if (const Result<void> r = store.replayFills([&audit](const Fill &f) { audit.addFill(f); return true; }); !r)
        return r;
    const QStringList problems = audit.compare(journal);
    if (problems.isEmpty())
        return {};
    return Error{QLatin1String(errors::kJournalInconsistent), problems.join(QStringLiteral("; ")), problems};
}

} // namespace engine
