#include "ui/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>

namespace ui {

QColor Theme::window() { return QColor(0x14, 0x17, 0x1c); }
QColor Theme::panel() { return QColor(0x1b, 0x1f, 0x26); }
QColor Theme::text() { return QColor(0xdc, 0xe1, 0xe8); }
QColor Theme::muted() { return QColor(0x8a, 0x93, 0xa3); }
QColor Theme::accent() { return QColor(0x4c, 0x9a, 0xff); }
QColor Theme::positive() { return QColor(0x2e, 0xc4, 0x86); }
QColor Theme::negative() { return QColor(0xf2, 0x5c, 0x5c); }
QColor Theme::warning() { return QColor(0xf0, 0xb4, 0x29); }
QColor Theme::grid() { return QColor(0x2b, 0x31, 0x3b); }

QColor Theme::forSign(int sign)
{
    return sign > 0 ? positive() : sign < 0 ? negative() : text();
}

void Theme::apply()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app || app->property("memedeskTheme").toBool())
        return;
    app->setProperty("memedeskTheme", true);
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);

    QPalette p;
    const QColor base(0x18, 0x1b, 0x21);
    p.setColor(QPalette::Window, window());
    p.setColor(QPalette::WindowText, text());
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x1e, 0x22, 0x2a));
    p.setColor(QPalette::ToolTipBase, panel());
    p.setColor(QPalette::ToolTipText, text());
    p.setColor(QPalette::PlaceholderText, muted());
    p.setColor(QPalette::Text, text());
    p.setColor(QPalette::Button, QColor(0x25, 0x2a, 0x33));
    p.setColor(QPalette::ButtonText, text());
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x5a, 0x9e));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent());
    p.setColor(QPalette::Mid, grid());
    p.setColor(QPalette::Dark, QColor(0x0f, 0x11, 0x15));
    p.setColor(QPalette::Light, QColor(0x33, 0x39, 0x44));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x5d, 0x64, 0x70));
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x1f, 0x23, 0x2a));
    QApplication::setPalette(p);

    app->setStyleSheet(QStringLiteral(R"(
QToolTip { color: #dce1e8; background: #1b1f26; border: 1px solid #2b313b; padding: 4px; }
QGroupBox { border: 1px solid #2b313b; border-radius: 6px; margin-top: 14px; padding: 10px 8px 8px 8px;
            background: #1a1d24; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #8a93a3; font-weight: bold; }
QListWidget#navList { background: #101318; border: none; outline: 0; padding-top: 8px; }
QListWidget#navList::item { padding: 10px 14px; color: #b8bfca; border-left: 3px solid transparent; }
QListWidget#navList::item:selected { background: #1d2430; color: #ffffff; border-left: 3px solid #4c9aff; }
QListWidget#navList::item:hover:!selected { background: #171b22; }
QTableView { gridline-color: #242a33; selection-background-color: #2a5a9e; border: 1px solid #2b313b; }
QHeaderView::section { background: #1f242c; color: #aab2bf; padding: 4px 6px; border: none;
                       border-right: 1px solid #2b313b; border-bottom: 1px solid #2b313b; }
QPushButton { padding: 5px 14px; border: 1px solid #353c48; border-radius: 4px; background: #252a33; }
QPushButton:hover:enabled { background: #2d3440; border-color: #4c9aff; }
QPushButton:disabled { color: #5d6470; border-color: #2a2f38; }
QPushButton#startButton:enabled { background: #1f5f45; border-color: #2ec486; color: #ffffff; }
QPushButton#flattenButton:enabled { background: #6b2323; border-color: #f25c5c; color: #ffffff; }
QLineEdit { padding: 3px 5px; border: 1px solid #353c48; border-radius: 3px; background: #181b21; }
QCheckBox::indicator { width: 13px; height: 13px; border: 1px solid #6b7380; border-radius: 3px; background: #181b21; }
QCheckBox::indicator:checked { background: #4c9aff; border-color: #4c9aff; }
QLineEdit[invalid="true"] { border: 1px solid #f25c5c; }
QLabel[role="error"] { color: #f25c5c; }
QLabel[role="muted"] { color: #8a93a3; }
QLabel[role="cardTitle"] { color: #8a93a3; font-size: 11px; }
QLabel[role="cardValue"] { font-size: 18px; font-weight: bold; }
QFrame[role="card"] { background: #1b1f26; border: 1px solid #2b313b; border-radius: 6px; }
QDockWidget::title { background: #1b1f26; padding: 4px 8px; }
QStatusBar { background: #101318; color: #aab2bf; }
QStatusBar QLabel { padding: 0 8px; }
QProgressBar { border: 1px solid #353c48; border-radius: 3px; text-align: center; background: #181b21; }
QProgressBar::chunk { background: #2a5a9e; }
)"));
}

void Theme::styleChart(QChart *chart)
{
    chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundBrush(panel());
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setLabelColor(text());
    chart->setTitleBrush(text());
}

} // namespace ui
