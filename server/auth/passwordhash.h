#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>

namespace karvan::hq {

// Password storage: PBKDF2-HMAC-SHA256 (OpenSSL), a 16-byte random salt per password and a
// self-describing string, so the cost can be raised later without breaking stored hashes:
//
//   pbkdf2-sha256$600000$<salt, base64>$<32-byte derived key, base64>
//
// 600,000 iterations is OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (about 0.3 s here).
class PasswordHash
{
public:
    static constexpr int Iterations = 600000;
    static constexpr int SaltBytes = 16;
    static constexpr int KeyBytes = 32;
    // The range verify() accepts from a stored string; outside it the string is refused rather
    // than spending minutes (or nothing) on it.
    static constexpr int MinIterations = 100000;
    static constexpr int MaxIterations = 10000000;

    // A fresh hash of password with a new random salt.
    static Result<QString> hash(const QString &password);

    // Whether password matches stored, compared in constant time. An error (not false) when
    // stored is not a format this build knows.
    static Result<bool> verify(const QString &password, const QString &stored);

    // The parts of a stored string, for tests and for rehash-on-login decisions.
    struct Parts
    {
        int iterations = 0;
        QByteArray salt;
        QByteArray key;
    };
    static Result<Parts> parse(const QString &stored);

    // Password rules for new passwords: at least MinPasswordLength characters, no line breaks.
    static constexpr int MinPasswordLength = 4;
    static Result<void> checkAcceptable(const QString &password);
};

} // namespace karvan::hq
