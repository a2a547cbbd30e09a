#include "ui/crashnotice.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace ui {

void offerCrashReport(const QStringList &reports, QWidget *parent)
{
    if (reports.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, QStringLiteral("Memedesk"),
                    QCoreApplication::translate("ui::CrashNotice",
                                                "Memedesk stopped unexpectedly last time. A report was saved:\n%1\n\nIt holds the "
                                                "version, where it stopped and the last log lines — never your keys.")
                        .arg(reports.last()),
                    QMessageBox::Close, parent);
    box.setObjectName(QStringLiteral("crashNotice"));
    QPushButton *open = box.addButton(QCoreApplication::translate("ui::CrashNotice", "Open the report"), QMessageBox::AcceptRole);
    box.exec();
    if (box.clickedButton() == open)
        QDesktopServices::openUrl(QUrl::fromLocalFile(reports.last()));
}

} // namespace ui
