// The Evaluation tab of the History view on the real evaluation service (the demo market and the
// engine in simulated time) behind a fake API: a run shows the strategy next to both baselines
// with confidence intervals, the spread of per-seed returns and the entries by hidden regime; the
// form's values and the Trading Config reach the request; a cancelled run says so.
#include "tests/unit/ui/fakebotapi.h"
#include "tests/unit/ui/uitesthelpers.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/views/evaluationview.h"
#include "ui/widgets/distributionchart.h"

#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using testsupport::FakeBotApi;
using ui::MainWindow;
using uitest::find;

class TestEvaluationView : public QObject {
    Q_OBJECT

    FakeBotApi m_api;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        m_window = uitest::openMainWindow(m_api, "test_evaluationview");
        QVERIFY(m_window->isVisible());
    }

    void cleanupTestCase() { m_window.reset(); }

    void anEvaluationShowsTheStrategyNextToItsBaselines()
    {
        ui::EvaluationView *view = m_window->showEvaluation();
        view->setSeeds(1, 4);
        view->setHours(2);
        view->setDraws(3);
        find<QPushButton>(m_window.get(), "evaluationRun")->click();
        QCOMPARE(m_api.evaluationRequests.size(), 1);
        const engine::EvaluationRequest &r = m_api.evaluationRequests.first();
        QCOMPARE(r.firstSeed, 1u);
        QCOMPARE(r.lastSeed, 4u);
        QCOMPARE(r.hours, 2);
        QCOMPARE(r.randomDraws, 3);
        QCOMPARE(r.config.strategy.entryScore, m_api.config().strategy.entryScore); // the Trading Config's strategy
        QVERIFY(!find<QPushButton>(m_window.get(), "evaluationRun")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!view->report().isEmpty(), 120'000);

        const QJsonObject report = view->report();
        QCOMPARE(report[QStringLiteral("per_seed")].toArray().size(), 4);
        auto *summary = find<QTableWidget>(m_window.get(), "evaluationSummary");
        QCOMPARE(summary->rowCount(), 7);
        QCOMPARE(summary->columnCount(), 3);
        const QJsonObject mean = report[QStringLiteral("aggregate")][QStringLiteral("strategy")][QStringLiteral("return_pct")].toObject();
        QVERIFY(summary->item(0, 0)->text().startsWith(QString::number(mean[QStringLiteral("mean")].toDouble(), 'f', 2)));
        QVERIFY(summary->item(0, 1)->text().contains(QLatin1Char('[')));
        auto *chart = find<ui::DistributionChart>(m_window.get(), "evaluationDistribution");
        QCOMPARE(chart->counts().size(), 3);
        for (const QList<int> &bins : chart->counts()) {
            int total = 0;
            for (int c : bins)
                total += c;
            QCOMPARE(total, 4); // every seed counted once per account
        }
        auto *regimes = find<QTableWidget>(m_window.get(), "evaluationRegimes");
        QCOMPARE(regimes->rowCount(), int(report[QStringLiteral("by_regime")].toObject().size()));
        QVERIFY(find<QLabel>(m_window.get(), "evaluationStatus")->text().contains(QStringLiteral("random entries")));
        QCOMPARE(find<QProgressBar>(m_window.get(), "evaluationProgress")->value(), 1000);
        QVERIFY(find<QPushButton>(m_window.get(), "evaluationRun")->isEnabled());
        QVERIFY(uitest::saveScreenshot(m_window.get(), QStringLiteral("evaluation")));
    }

    void aCancelledEvaluationSaysSo()
    {
        ui::EvaluationView *view = m_window->showEvaluation();
        const QJsonObject before = view->report();
        view->setSeeds(100, 140);
        view->setHours(24);
        find<QPushButton>(m_window.get(), "evaluationRun")->click();
        find<QPushButton>(m_window.get(), "evaluationCancel")->click();
        QTRY_VERIFY_WITH_TIMEOUT(find<QPushButton>(m_window.get(), "evaluationRun")->isEnabled(), 60'000);
        QVERIFY(find<QLabel>(m_window.get(), "evaluationStatus")->text().contains(QStringLiteral("cancelled")));
        QCOMPARE(view->report(), before); // the last report stays
    }
};

QTEST_MAIN(TestEvaluationView)
#include "test_evaluationview.moc"
