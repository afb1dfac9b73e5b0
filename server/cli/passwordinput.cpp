#include "cli/passwordinput.h"

#include <QByteArray>

#include <memory>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace karvan::hq::cli {

namespace {

constexpr int MaxPasswordBytes = 4096;

// Restores the terminal's echo when it goes out of scope, also on early returns.
class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};

} // namespace

Result<QString> readPasswordLine(const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    QByteArray line;
    {
        std::unique_ptr<EchoOff> echoOff;
        if (terminal) {
            std::fputs(prompt.toLocal8Bit().constData(), stderr);
            std::fflush(stderr);
            echoOff = std::make_unique<EchoOff>();
        }
        for (;;) {
            const int c = std::fgetc(stdin);
            if (c == EOF || c == '\n')
                break;
            if (line.size() >= MaxPasswordBytes) {
                return makeError(ErrorCode::InvalidArgument,
                                 u"the password is longer than %1 bytes"_s.arg(MaxPasswordBytes));
            }
            line.append(char(c));
        }
        if (terminal)
            std::fputs("\n", stderr);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    const QString password = QString::fromUtf8(line);
    if (password.toUtf8() != line)
        return makeError(ErrorCode::InvalidArgument, u"the password is not valid UTF-8"_s);
    return password;
}

} // namespace karvan::hq::cli
