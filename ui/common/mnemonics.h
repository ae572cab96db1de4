#pragma once

#include <QChar>
#include <QList>
#include <QString>

class QAbstractButton;
class QWidget;

namespace aftercare::ui {

// The Alt letter a text marks with '&' ("Sa&ve" -> 'v', lower case), or a null QChar; "&&" is
// a literal ampersand, not a mark.
QChar mnemonicOf(const QString& text);

// The Alt letters the widgets of one window already answer to: buttons, labels with a buddy,
// group boxes, tabs and the menu bar's menus.
QList<QChar> mnemonicsIn(const QWidget* window);

// Gives each button that has no Alt letter one that nothing else in its window uses: the first
// free letter that starts a word, else any free letter. For texts that come from elsewhere (a
// vocabulary, in any language) and so cannot carry a letter chosen for this form.
void giveFreeMnemonics(const QList<QAbstractButton*>& buttons);

} // namespace aftercare::ui
