#pragma once

#include <QColor>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace ui {

//! The dark theme: one palette, one style sheet and the colours views use for meaning.
class Theme {
public:
    //! Fusion style, dark palette and style sheet on the application; safe to call twice.
    static void apply();
    //! Dark chart background, grid and label colours matching the palette.
    static void styleChart(QChart *chart);

    [[nodiscard]] static QColor window();
    [[nodiscard]] static QColor panel();
    [[nodiscard]] static QColor text();
    [[nodiscard]] static QColor muted();
    [[nodiscard]] static QColor accent();
    [[nodiscard]] static QColor positive();
    [[nodiscard]] static QColor negative();
    [[nodiscard]] static QColor warning();
    [[nodiscard]] static QColor grid();
    //! Green for gains, red for losses, plain text for zero.
    [[nodiscard]] static QColor forSign(int sign);
};

} // namespace ui
