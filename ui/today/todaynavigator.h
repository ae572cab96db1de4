#pragma once

#include "domain/ids.h"

#include <QDate>
#include <QDateTime>
#include <QObject>

namespace aftercare::ui {

class MainWindow;
class TodayPage;
class Workspace;

// Takes the Today page's links to their screens in the main window: a figure of the day or a
// visit to the reception's diary, a follow-up figure to the worklist showing what it counted,
// a task to its call. It tells the page which of those screens the signed-in person has.
class TodayNavigator : public QObject
{
    Q_OBJECT

public:
    TodayNavigator(MainWindow& window, TodayPage& page);

    // Wires `workspace` when it is the Today page (MainWindow calls it for every workspace
    // it builds); the navigator lives as long as the page.
    static void attach(MainWindow& window, Workspace* workspace);

private:
    void showSchedule(const QDate& day);
    void showVisit(ClientId client, PractitionerId practitioner, const QDateTime& startsAt);

    MainWindow& m_window;
    TodayPage& m_page;
};

} // namespace aftercare::ui
