#include "clinicalfinderdialog.h"

#include "clinicalprofiledialog.h"
#include "common/messagelabel.h"
#include "reception/clientfinder.h"

#include <QDialogButtonBox>
#include <QMessageBox>
#include <QVBoxLayout>

namespace aftercare::ui {

ClinicalFinderDialog::ClinicalFinderDialog(Database& database, const Actor& actor, QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_actor(actor)
    , m_finder(new ClientFinder(database, this))
{
    setObjectName(QStringLiteral("clinicalFinderDialog"));
    setWindowTitle(tr("Find a client"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_finder, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_finder, &ClientFinder::clientActivated, this, &ClinicalFinderDialog::openProfile);
    // Registering a client is the desk's work; here "new client" finds nobody to open.
    connect(m_finder, &ClientFinder::newClientRequested, this, [this](const QString& text) {
        QMessageBox::information(this, tr("Find a client"),
                                 tr("No client matches “%1”. New clients are registered at the "
                                    "reception desk.")
                                     .arg(text));
    });
    resize(860, 520);
}

ClinicalFinderDialog* ClinicalFinderDialog::showFor(Database& database, const Actor& actor,
                                                    QWidget* parent)
{
    auto* dialog = parent->findChild<ClinicalFinderDialog*>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new ClinicalFinderDialog(database, actor, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->open();
    dialog->raise();
    dialog->activateWindow();
    dialog->m_finder->focusSearch();
    return dialog;
}

void ClinicalFinderDialog::openProfile(ClientId client)
{
    auto* dialog = new ClinicalProfileDialog(m_database, m_actor, client, parentWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->isLoaded()) {
        QMessageBox::warning(this, tr("Find a client"), dialog->loadError());
        delete dialog;
        return;
    }
    dialog->open();
    emit profileOpened(dialog);
    close();
}

} // namespace aftercare::ui
