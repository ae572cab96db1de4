#include "common/mnemonics.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>

namespace aftercare::ui {

namespace {

QString withMark(const QString& text, qsizetype at)
{
    QString marked = text;
    marked.insert(at, QLatin1Char('&'));
    return marked;
}

} // namespace

QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

QList<QChar> mnemonicsIn(const QWidget* window)
{
    QList<QChar> letters;
    auto add = [&letters](const QString& text) {
        if (const QChar letter = mnemonicOf(text); !letter.isNull())
            letters << letter;
    };
    for (const QWidget* widget : window->findChildren<QWidget*>()) {
        if (widget->window() != window)
            continue;
        if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
            add(button->text());
        else if (const auto* label = qobject_cast<const QLabel*>(widget); label && label->buddy())
            add(label->text());
        else if (const auto* group = qobject_cast<const QGroupBox*>(widget))
            add(group->title());
        else if (const auto* tabs = qobject_cast<const QTabBar*>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
        else if (const auto* bar = qobject_cast<const QMenuBar*>(widget))
            for (const QAction* menu : bar->actions())
                add(menu->text());
    }
    return letters;
}

void giveFreeMnemonics(const QList<QAbstractButton*>& buttons)
{
    for (QAbstractButton* button : buttons) {
        if (!mnemonicOf(button->text()).isNull())
            continue;
        const QList<QChar> taken = mnemonicsIn(button->window());
        const QString text = button->text();
        qsizetype chosen = -1;
        for (int pass = 0; pass < 2 && chosen < 0; ++pass) {
            for (qsizetype i = 0; i < text.size(); ++i) {
                const QChar c = text.at(i);
                const bool wordStart = i == 0 || !text.at(i - 1).isLetterOrNumber();
                if (!c.isLetterOrNumber() || (pass == 0 && !wordStart) ||
                    taken.contains(c.toLower()))
                    continue;
                chosen = i;
                break;
            }
        }
        if (chosen >= 0)
            button->setText(withMark(text, chosen));
    }
}

} // namespace aftercare::ui
