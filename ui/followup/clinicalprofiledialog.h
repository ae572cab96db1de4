#pragma once

#include "auth/actor.h"
#include "desk/clinicalprofile.h"

#include <QDialog>

#include <optional>

class QTabWidget;
class QTreeWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// A client as a clinician sees them: who they are (date of birth, client number), their
// results with status, flags and summary (a double-click opens the result), every follow-up
// call with its outcomes and notes, and every answer they gave. Read through
// ClinicalProfileReader, which is for clinicians only and audits the view.
class ClinicalProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ClinicalProfileDialog(Database& database, const Actor& actor, ClientId client,
                          QWidget* parent = nullptr);

    bool isLoaded() const { return m_profile.has_value(); }
    QString loadError() const { return m_loadError; }
    const ClinicalProfile* profile() const { return m_profile ? &*m_profile : nullptr; }
    // Opens the result of the results list's row in its own dialog.
    void openResult(int row);

signals:
    void resultDialogOpened(QWidget* dialog);

private:
    void showResults();
    void showCalls();
    void showFeedback();
    // Reads the profile again (after a result was changed in its dialog).
    void reload();

    Database& m_database;
    Actor m_actor;
    ClientId m_client;
    std::optional<ClinicalProfile> m_profile;
    QString m_loadError;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_results = nullptr;
    QTreeWidget* m_calls = nullptr;
    QTreeWidget* m_feedback = nullptr;
    MessageLabel* m_message = nullptr;
};

} // namespace aftercare::ui
