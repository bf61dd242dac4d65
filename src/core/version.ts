/** The extractor version written into every Article; kept equal to package.json by a test. */
export const EXTRACTOR_VERSION = '0.1.0';
