#include "appearance.h"

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <QStyleFactory>

namespace aftercare::ui {

void applyAppearance(QApplication& app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // A light palette whatever the desktop's theme, so the stylesheet's colours always sit on
    // the background they were chosen for.
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf6, 0xf8));
    palette.setColor(QPalette::WindowText, QColor(0x1f, 0x29, 0x33));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf9, 0xfa));
    palette.setColor(QPalette::Text, QColor(0x1f, 0x29, 0x33));
    palette.setColor(QPalette::Button, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::ButtonText, QColor(0x1f, 0x29, 0x33));
    palette.setColor(QPalette::Highlight, QColor(0x1d, 0x6f, 0x6c));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x77, 0x85));
    palette.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf0));
    palette.setColor(QPalette::ToolTipText, QColor(0x1f, 0x29, 0x33));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8a, 0x94, 0x9e));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8a, 0x94, 0x9e));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8a, 0x94, 0x9e));
    app.setPalette(palette);

    QFile style(QStringLiteral(":/ui/aftercare.qss"));
    if (style.open(QIODevice::ReadOnly | QIODevice::Text))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));
}

} // namespace aftercare::ui
