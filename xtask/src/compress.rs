//! The built files compressed ahead: `.gz` and `.br` beside each text and wasm file, which a host
//! serves to a browser that accepts them (the reference server does, through tower-http).

use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

/// The kinds of files worth compressing (images and the like are compressed already).
const COMPRESSIBLE: [&str; 5] = ["html", "js", "css", "wasm", "json"];

/// `bytes` gzipped, at the best level.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// `bytes` in brotli, at the best quality (11) and the usual window (22).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        encoder.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Writes `name.gz` and `name.br` beside every compressible file of `dist` and its folders.
pub fn precompress(dist: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let compressible = path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| COMPRESSIBLE.contains(&ext));
        if !compressible || !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (suffix, compressed) in [("gz", gzip(&bytes)?), ("br", brotli(&bytes)?)] {
            let mut target = path.clone().into_os_string();
            target.push(".");
            target.push(suffix);
            std::fs::write(&target, compressed)
                .map_err(|e| format!("{}: {e}", Path::new(&target).display()))?;
        }
    }
    Ok(())
}

/// A size as the reports write it: bytes below 1 KB, else kilobytes (of 1,000 bytes) to a tenth.
pub fn kilobytes(bytes: usize) -> String {
    if bytes < 1000 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KB", bytes as f64 / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_encodings_give_the_bytes_back() {
        let text = "The assistant's first screen. ".repeat(100);
        let gz = gzip(text.as_bytes()).unwrap();
        let br = brotli(text.as_bytes()).unwrap();
        assert!(gz.len() < text.len() / 10 && br.len() < text.len() / 10);
        let mut unzipped = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut unzipped)
            .unwrap();
        assert_eq!(unzipped, text);
        let mut unbrotlied = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut unbrotlied).unwrap();
        assert_eq!(unbrotlied, text.as_bytes());
    }
}
