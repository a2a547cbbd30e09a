#pragma once

// Small helpers the UI unit tests share.

#include "tests/support/testsupport.h"

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

} // namespace uitest
