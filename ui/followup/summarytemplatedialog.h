#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "domain/summarytemplate.h"
#include "repositories/summarytemplaterepository.h"

#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// The clinicians' plain-language templates, one per test for normal and one for abnormal
// results: pick one, edit its text with placeholders ({first_name}, {values}, …) inserted
// from a list, see a preview filled with a sample client and values of the template's own test
// (its analytes and reference ranges from the practice's results), save. Unknown placeholders are
// flagged as you type; while a template has unsaved changes the list is locked, so nothing
// typed is lost by clicking elsewhere.
class SummaryTemplateDialog : public FormDialog
{
    Q_OBJECT

public:
    SummaryTemplateDialog(Database& database, const Actor& actor, QWidget* parent = nullptr);

    // Selects the template of this test and variant, if there is one.
    bool select(const QString& testName, bool abnormal);

private:
    void reload();
    void showTemplate(int row);
    void startNew();
    void save();
    void confirmRemove();
    void removeTemplate();
    void discardChanges();
    void insertPlaceholder();
    void updateState();
    bool isNew() const { return m_current < 0; }

    SummaryTemplateRepository m_templates;
    Actor m_actor;
    std::vector<SummaryTemplate> m_list;
    int m_current = -1;
    bool m_dirty = false;
    bool m_filling = false;
    // The analytes and ranges the preview shows, read once per test name.
    QString m_referenceTest;
    std::vector<ResultValue> m_reference;

    QListWidget* m_templateList;
    QPushButton* m_new;
    QPushButton* m_delete;
    QComboBox* m_test;
    QComboBox* m_variant;
    QPlainTextEdit* m_body;
    QListWidget* m_placeholders;
    QPushButton* m_insert;
    QLabel* m_problem;
    QPlainTextEdit* m_preview;
    QLabel* m_changed;
    QPushButton* m_save;
    QPushButton* m_discard;
    MessageLabel* m_message;
};

} // namespace aftercare::ui
