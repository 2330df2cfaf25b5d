export const BASIC_BPM_META_ID = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";
