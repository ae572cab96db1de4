#pragma once

#include "reception/welcomepack.h"

#include <QCoreApplication>
#include <QString>

namespace aftercare::ui {

// The welcome pack on A4 in black on white, so that it prints well on any office printer:
// the appointment first (what the client looks for), then how to prepare, how to cancel or
// move it, and how to reach the practice. Renders what it is given; reads nothing.
class WelcomePackPdf
{
    Q_DECLARE_TR_FUNCTIONS(WelcomePackPdf)

public:
    // The document as HTML, for the PDF and for a print preview.
    static QString html(const WelcomePack& pack);
    // False when the file could not be written.
    static bool write(const WelcomePack& pack, const QString& path);
};

} // namespace aftercare::ui
