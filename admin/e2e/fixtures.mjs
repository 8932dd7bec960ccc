// Small real files for the upload flows.

/** A 16×16 PNG photo (511 bytes). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAABxklEQVR42g3LIbJFUAAA0L+StwBRkCRBNPLNRhSkkwTRyDcbUZAkQTSyFX2nn7+fJ/FknsJTeYKn9fSewTN5omf17J7Tc3tez9/PlbgyV+GqXMHVunrX4Jpc0bW6dtfpul2v6wtH4sgchaNyBEfr6B2DY3JEx+rYHafjdryOL2yJLbMVtsoWbK2ttw22yRZtq223nbbb9tq+sCSWzFJYKkuwtJbeMlgmS7Sslt1yWm7La/lCTMRMLMRKDGIr9uIgTmIUV3EXT/EWX/ELc2LOzIW5Mgdza+7Ng3kyR/Nq3s2n+Ta/5i+MiTEzFsbKGIytsTcOxskYjatxN57G2/gavyAho6Ai0NIzMBFZ2Tm5eflCl+gyXaGrdEHX6nrdoJt0Ubfqdt2pu3Wv7gtNosk0habSBE2r6TWDZtJEzarZNafm1ryaL4REyIRCqIQgtEIvDMIkRGEVduEUbuEVvlAn6kxdqCt1ULfqXj2oJ3VUr+pdfapv9av+QpkoM2WhrJRB2Sp75aCclFG5KnflqbyVr/ILeSLP5IW8kgd5K+/lg3ySR/kq3+Wn/Ja/8i+kiTSTFtJKGqSttJcO0kkapat0l57SW/pK/wG4fG0QBOUpEAAAAABJRU5ErkJggg==',
  'base64',
);

/** A text file dressed up as a photo: the console must refuse it before sending anything. */
export const NOT_A_PHOTO = { name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from('this is not an image') };

/** A one-page PDF, as a scanned form would be. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

/** A photo over the 10 MB limit (a real PNG head, then padding). */
export const HUGE_PHOTO = { name: '原图.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) };
