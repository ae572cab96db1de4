#include "database/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aftercare {

namespace {

constexpr mode_t kFileMode = S_IRUSR | S_IWUSR;
constexpr mode_t kFolderMode = S_IRWXU;
constexpr mode_t kOthersBits = S_IRWXG | S_IRWXO;

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

Status PrivateFiles::makeFolder(const QString& path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (QFileInfo(absolute).isDir())
        return {};
    // The missing folders, outermost first.
    QStringList missing;
    for (QString folder = absolute; !QFileInfo::exists(folder);) {
        missing.prepend(folder);
        const QString parent = QFileInfo(folder).path();
        if (parent == folder)
            break;
        folder = parent;
    }
    for (const QString& folder : missing) {
        const QByteArray name = QFile::encodeName(folder);
        if (::mkdir(name.constData(), kFolderMode) != 0 && errno != EEXIST)
            return fail(Error{ErrorKind::Io, tr("Cannot create the folder %1.").arg(folder),
                              systemError()});
        // mkdir() leaves out what the umask takes away, never adds: this sets exactly 0700.
        ::chmod(name.constData(), kFolderMode);
    }
    if (!QFileInfo(absolute).isDir())
        return fail(Error::io(tr("%1 is not a folder.").arg(absolute)));
    return {};
}

Status PrivateFiles::createFile(const QString& filePath)
{
    if (auto folder = makeFolder(QFileInfo(filePath).absolutePath()); !folder)
        return folder;
    const QByteArray name = QFile::encodeName(filePath);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode);
    if (fd < 0)
        return fail(
            Error{ErrorKind::Io, tr("Cannot create the file %1.").arg(filePath), systemError()});
    const bool exact = ::fchmod(fd, kFileMode) == 0;
    ::close(fd);
    if (!exact)
        return fail(Error{ErrorKind::Io,
                          tr("Cannot make the file %1 private to its owner.").arg(filePath),
                          systemError()});
    return {};
}

Status PrivateFiles::restrict(const QString& filePath)
{
    const QByteArray name = QFile::encodeName(filePath);
    if (::chmod(name.constData(), kFileMode) != 0)
        return fail(Error{ErrorKind::Io,
                          tr("Cannot make the file %1 private to its owner.").arg(filePath),
                          systemError()});
    return {};
}

QStringList PrivateFiles::practiceFiles(const QString& databasePath)
{
    QStringList files;
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        const QString file = databasePath + suffix;
        if (QFileInfo(file).isFile())
            files.append(file);
    }
    return files;
}

QStringList PrivateFiles::exposed(const QStringList& files)
{
    QStringList result;
    for (const QString& file : files) {
        struct stat status = {};
        const QByteArray name = QFile::encodeName(file);
        if (::stat(name.constData(), &status) == 0 && (status.st_mode & kOthersBits) != 0)
            result.append(file);
    }
    return result;
}

Status PrivateFiles::makePrivate(const QStringList& files)
{
    for (const QString& file : files) {
        if (auto done = restrict(file); !done)
            return done;
    }
    return {};
}

} // namespace aftercare
