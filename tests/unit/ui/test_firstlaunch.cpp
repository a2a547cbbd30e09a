// The first launch: the Dashboard opens with a welcome that says what the demo market is, how to
// go to dry run or live and where the files are; it leads to Trading Config, is dismissed for good
// and comes back from Help → Show welcome. Help → About shows the version, the build, the data
// folder and the third-party licences.
#include "tests/unit/ui/fakebotapi.h"
#include "tests/unit/ui/uitesthelpers.h"
#include "ui/mainwindow.h"
#include "ui/views/dashboardview.h"
#include "ui/widgets/aboutdialog.h"
#include "ui/widgets/welcomepanel.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTextBrowser>

using testsupport::FakeBotApi;
using ui::MainWindow;
using uitest::find;

class TestFirstLaunch : public QObject {
    Q_OBJECT
    FakeBotApi m_api;
    std::unique_ptr<MainWindow> m_window;

    QAction *helpAction(const QString &text)
    {
        for (QAction *menu : m_window->menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction *a : menu->menu()->actions()) {
                if (a->text().remove(QLatin1Char('&')) == text)
                    return a;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A first launch: nothing dismissed yet (the settings of this test's own name).
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MemedeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_firstlaunch"));
        QSettings().remove(QStringLiteral("ui/welcomeDismissed"));
        m_window = uitest::openMainWindow(m_api, "test_firstlaunch");
    }

    void cleanupTestCase() { m_window.reset(); }

    void theWelcomeSaysWhatTheDemoIsAndWhereTheFilesAre()
    {
        QCOMPARE(m_window->currentView(), MainWindow::View::Dashboard);
        auto *panel = find<ui::WelcomePanel>(m_window.get(), "welcomePanel");
        QVERIFY(panel->isVisible());
        QString text;
        for (QLabel *label : panel->findChildren<QLabel *>())
            text += label->text();
        QVERIFY(text.contains(QStringLiteral("demo market")));
        QVERIFY(text.contains(QStringLiteral("Test connection")));
        QVERIFY(text.contains(QStringLiteral("Dry run")));
        QVERIFY(text.contains(m_api.appInfoValue.dataDir));
        QVERIFY(text.contains(QStringLiteral("memedesk.log")));
        QVERIFY(uitest::saveScreenshot(m_window.get(), QStringLiteral("welcome")));

        find<QPushButton>(m_window.get(), "welcomeConfig")->click();
        QCOMPARE(m_window->currentView(), MainWindow::View::TradingConfig);
        m_window->showView(MainWindow::View::Dashboard);
    }

    void dismissedItStaysAwayUntilAskedFor()
    {
        auto *panel = find<ui::WelcomePanel>(m_window.get(), "welcomePanel");
        find<QPushButton>(m_window.get(), "welcomeDismiss")->click();
        QVERIFY(!panel->isVisible());
        QVERIFY(ui::WelcomePanel::dismissed());
        {
            MainWindow again(m_api); // the next start
            QVERIFY(again.findChild<ui::WelcomePanel *>(QStringLiteral("welcomePanel"))->isHidden());
        }
        QAction *show = helpAction(QStringLiteral("Show welcome"));
        QVERIFY(show);
        show->trigger();
        QVERIFY(panel->isVisible());
        QVERIFY(!ui::WelcomePanel::dismissed());
    }

    void aboutShowsVersionDataFolderAndLicences()
    {
        QVERIFY(helpAction(QStringLiteral("About Memedesk")));
        ui::AboutDialog about(m_api, m_window.get());
        const QString html = about.text();
        QVERIFY(html.contains(m_api.appInfoValue.version));
        QVERIFY(html.contains(m_api.appInfoValue.buildDate));
        QVERIFY(html.contains(m_api.appInfoValue.dataDir));
        QVERIFY(html.contains(QString::fromLatin1(qVersion())));
        for (const char *name : {"Qt 6", "QtKeychain", "SQLite", "OpenSSL", "libsodium", "VADER", "LGPL-3.0", "MIT"})
            QVERIFY2(html.contains(QLatin1String(name)), name);
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        QVERIFY(uitest::saveScreenshot(&about, QStringLiteral("about")));
    }
};

QTEST_MAIN(TestFirstLaunch)
#include "test_firstlaunch.moc"
