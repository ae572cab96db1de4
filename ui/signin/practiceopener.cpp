#include "signin/practiceopener.h"

#include "database/database.h"
#include "database/migrator.h"
#include "database/privatefiles.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace aftercare::ui {

std::unique_ptr<Database> PracticeOpener::open(const DatabaseUrl& url, Location location,
                                               int* exitCode)
{
    *exitCode = 1;
    auto ifMissing = Database::IfMissing::Fail;
    if (Database::isMissingFile(url)) {
        if (!askToCreate(url.path(), location)) {
            // Quitting the first start is a choice, not a failure.
            *exitCode = location == Location::Default ? 0 : 1;
            return nullptr;
        }
        ifMissing = Database::IfMissing::Create;
    }
    auto database = Database::open(url, ifMissing);
    if (!database) {
        showError(database.error().describe());
        return nullptr;
    }
    Migrator migrator(**database);
    if (auto migrated = migrator.migrate(); !migrated) {
        showError(migrated.error().describe());
        return nullptr;
    }
    checkPrivacy(**database);
    *exitCode = 0;
    return std::move(*database);
}

bool PracticeOpener::askToCreate(const QString& path, Location location)
{
    QMessageBox box;
    box.setObjectName(QStringLiteral("missingPracticeBox"));
    box.setWindowTitle(tr("Aftercare"));
    const QString shownPath = QDir::toNativeSeparators(path);
    if (location == Location::Default) {
        box.setIcon(QMessageBox::Information);
        box.setText(tr("Welcome to Aftercare. No practice has been set up on this computer yet."));
        box.setInformativeText(
            tr("A new practice will be kept in this file, readable only by you:\n%1\n\n"
               "To work on an existing practice instead, start Aftercare with "
               "--database and the practice's file or server.")
                .arg(shownPath));
    } else {
        box.setIcon(QMessageBox::Warning);
        box.setText(tr("There is no practice file at\n%1").arg(shownPath));
        box.setInformativeText(
            tr("Check the path for a typing error, or whether the drive or share holding the "
               "practice is connected. Create a new, empty practice there only if you mean to "
               "start a new practice."));
    }
    QPushButton* create = box.addButton(tr("&Create a new practice here"), QMessageBox::AcceptRole);
    create->setObjectName(QStringLiteral("createPracticeButton"));
    QPushButton* quit = box.addButton(tr("&Quit"), QMessageBox::RejectRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    // A missing file that was named is most likely a typing error: Enter quits.
    box.setDefaultButton(location == Location::Default ? create : quit);
    box.setEscapeButton(quit);
    box.exec();
    return box.clickedButton() == create;
}

void PracticeOpener::checkPrivacy(const Database& database)
{
    if (!database.isSqlite())
        return;
    const QStringList exposed =
        PrivateFiles::exposed(PrivateFiles::practiceFiles(database.url().path()));
    if (exposed.isEmpty())
        return;
    QStringList shown;
    for (const QString& file : exposed)
        shown.append(QDir::toNativeSeparators(file));
    QMessageBox box;
    box.setObjectName(QStringLiteral("exposedPracticeBox"));
    box.setWindowTitle(tr("Aftercare"));
    box.setIcon(QMessageBox::Warning);
    box.setText(tr("Other users of this computer can read the practice's health data."));
    box.setInformativeText(
        tr("Other accounts on this computer may read these files, not only you:\n%1\n\n"
           "Make them private unless several accounts on this computer are meant to share "
           "the practice.")
            .arg(shown.join(QLatin1Char('\n'))));
    QPushButton* fix = box.addButton(tr("&Make them private"), QMessageBox::AcceptRole);
    fix->setObjectName(QStringLiteral("fixPermissionsButton"));
    QPushButton* keep = box.addButton(tr("&Leave them as they are"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepPermissionsButton"));
    box.setDefaultButton(fix);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() != fix)
        return;
    if (auto done = PrivateFiles::makePrivate(exposed); !done)
        showError(done.error().describe());
}

void PracticeOpener::showError(const QString& text)
{
    QMessageBox box(QMessageBox::Critical, tr("Aftercare"), text);
    box.setObjectName(QStringLiteral("practiceErrorBox"));
    box.exec();
}

} // namespace aftercare::ui
