#!/usr/bin/env bash
# The root file system of the local base image (bawaba/jre-base, made only where no registry is reachable):
# a Java 25 runtime made by jlink from the JDK that runs the build, the C libraries it needs, copied from
# this machine's Debian packages with their copyright files, a non-root user (65532) and /tmp. Production
# images are built on eclipse-temurin:25-jre instead (profile images-release).
#
#   deploy/images/jre-rootfs.sh <output folder>
set -euo pipefail

OUT=${1:?usage: jre-rootfs.sh <output folder>}
JDK=${JAVA_HOME:?JAVA_HOME must point at a JDK 25}
"$JDK/bin/java" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 25' ||
  { echo "jre-rootfs.sh: the base image's runtime is Java 25: point JAVA_HOME at a JDK 25 (found: $JDK)" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT/opt" "$OUT/etc" "$OUT/tmp"

# What the platform's Spring Boot applications, Kafka's client, PostgreSQL's driver and Keycloak's tokens
# use: the Java SE modules of a JRE, and the JDK's that Spring, Netty and management need. jdk.localedata
# gives Arabic locales their formats.
MODULES=java.se,jdk.crypto.cryptoki,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs,jdk.charsets
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$OUT/opt/java"

# The shared libraries the runtime loads, with the dynamic loader at the path every binary names, each
# from the Debian package that ships it (dpkg -S), and that package's copyright file. Servers run headless:
# the X11 and sound parts of java.desktop are left without their libraries (and never loaded).
libs=$(find "$OUT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt_xawt.so' ! -name 'libjawt.so' ! -name 'libjsound.so' ! -name 'libsplashscreen.so' -exec ldd {} \; 2>/dev/null |
  awk '/=> \// {print $3} /^\t\/lib64\// {print $1}' | grep -v "^$OUT/" | sort -u)
for lib in $libs /lib64/ld-linux-x86-64.so.2; do
  real=$(readlink -f "$lib")
  mkdir -p "$OUT$(dirname "$lib")"
  cp -L "$real" "$OUT$lib"
  package=$( (dpkg -S "$lib" || dpkg -S "$real") 2>/dev/null | head -n 1 | cut -d: -f1 || true)
  if [ -n "$package" ] && [ -f "/usr/share/doc/$package/copyright" ]; then
    mkdir -p "$OUT/usr/share/doc/$package"
    cp "/usr/share/doc/$package/copyright" "$OUT/usr/share/doc/$package/copyright"
  fi
done

printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin\n' > "$OUT/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$OUT/etc/group"
echo "hosts: files dns" > "$OUT/etc/nsswitch.conf"
