#pragma once

#include "error.h"

#include <QString>
#include <QStringList>

namespace aftercare {

// A practice's files hold health data, so they are for their owner alone: files 0600, the
// folders Aftercare makes for them 0700, whatever the process's umask says. Also finds the
// files of a SQLite practice that other accounts on the computer can read, and closes them.
class PrivateFiles
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFiles)

public:
    // Makes the folder path and every missing folder above it, each for its owner only.
    // Folders that exist already are left as they are.
    static Status makeFolder(const QString& path);
    // Makes the folder of filePath (see makeFolder) and an empty file there that only its
    // owner can read and write. Fails when the file exists already.
    static Status createFile(const QString& filePath);
    // Sets an existing file to read and write for its owner only.
    static Status restrict(const QString& filePath);

    // A SQLite practice file and those of its -wal and -shm that exist.
    static QStringList practiceFiles(const QString& databasePath);
    // Those of files that accounts other than their owner may read or write.
    static QStringList exposed(const QStringList& files);
    // restrict() on every file; stops at the first that cannot be changed.
    static Status makePrivate(const QStringList& files);
};

} // namespace aftercare
