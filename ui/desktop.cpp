#include "desktop.h"

#include "appearance.h"
#include "common/widgetconventions.h"
#include "desktopcontroller.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace aftercare::ui {

namespace {

const char* const kTranslatorName = "aftercare-translator";

} // namespace

bool installTranslations(QApplication& app, const QString& language)
{
    // Installing again (another language, or main() and runDesktop() both asking) replaces
    // what an earlier call installed.
    const auto previous =
        app.findChildren<QTranslator*>(QLatin1String(kTranslatorName), Qt::FindDirectChildrenOnly);
    for (QTranslator* translator : previous) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }

    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale); // dates and numbers follow the chosen language

    auto* own = new QTranslator(&app);
    own->setObjectName(QLatin1String(kTranslatorName));
    // English is the source language, so "en" needs no file to be complete; the embedded
    // aftercare_en.qm exists all the same.
    const bool found = own->load(locale, QStringLiteral("aftercare"), QStringLiteral("_"),
                                 QStringLiteral(":/i18n"));
    // A language Aftercare does not speak (or the C locale of a bare account) is answered in
    // English from aftercare_en.qm, which holds the plural forms: "1 client", not "1 clients".
    if (found || own->load(QStringLiteral("aftercare_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;

    auto* qt = new QTranslator(&app);
    qt->setObjectName(QLatin1String(kTranslatorName));
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    return found || locale.language() == QLocale::English;
}

int runDesktop(Database& database, const DesktopOptions& options)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app)
        return 1;
    installTranslations(*app, options.language);
    applyAppearance(*app);
    WidgetConventions::install(*app);
    // The controller decides when the program ends (signing out closes the main window
    // without quitting).
    app->setQuitOnLastWindowClosed(false);
    DesktopController controller(database);
    QObject::connect(&controller, &DesktopController::finished, app, &QCoreApplication::quit);
    controller.start();
    return app->exec();
}

} // namespace aftercare::ui
