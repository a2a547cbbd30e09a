#pragma once

// Small helpers the UI unit tests share.

#include "tests/support/testsupport.h"
#include "ui/language.h"
#include "ui/mainwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <memory>

#include <QString>
#include <QTest>
#include <QWidget>

namespace uitest {

//! The child of `root` with that object name; a warning names what is missing.
template <typename T>
T *find(QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return w;
}

//! Saves `window` as build/test-output/ui-<name>.png, after charts had time to redraw.
inline bool saveScreenshot(QWidget *window, const QString &name)
{
    QTest::qWait(400); // charts redraw on a short timer
    return window->grab().save(testsupport::testOutputDir() + QStringLiteral("/ui-%1.png").arg(name));
}

//! The main window over `api`, in English, 1440 x 900, shown and exposed; settings go to a
//! throwaway place named after the test.
inline std::unique_ptr<ui::MainWindow> openMainWindow(engine::BotApi &api, const char *testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MemedeskTest"));
    QCoreApplication::setApplicationName(QString::fromLatin1(testName));
    QDir().mkpath(testsupport::testOutputDir());
    ui::applyLanguage(QStringLiteral("en"));
    auto window = std::make_unique<ui::MainWindow>(api);
    window->resize(1440, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("the main window was not exposed");
    return window;
}

} // namespace uitest
