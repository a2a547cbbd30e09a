#pragma once

#include <QStringList>

class QWidget;

namespace ui {

//! Tells the user the last run crashed and offers to open its report (the newest of `reports`).
void offerCrashReport(const QStringList &reports, QWidget *parent = nullptr);

} // namespace ui
