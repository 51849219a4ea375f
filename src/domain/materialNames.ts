/**
 * The lookup key of a material's name, so that every way a person writes a name finds it: `LiPON`,
 * `Lipon` and `LIPON`; `β-Li3PS4`, `beta-Li3PS4` and `Β‑Li₃PS₄`; `Li2S-P2S5 glass`, `Li2S–P2S5-glass`.
 *
 * Steps: Unicode NFKC (subscript and superscript digits, full-width letters and ligatures become plain
 * characters: `Li₃PS₄` → `Li3PS4`), lower case, Greek letters spelled out in Latin (`β` → `beta`, as
 * authors write them in plain text: "beta-alumina"), every run of spaces, hyphens, dashes, minus signs
 * and underscores made one `-`, and the ends trimmed of them.
 */
const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/** The key under which a name is stored and looked up (see the module comment); '' for blank text. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u03b1-\u03c9]/g, (ch) => GREEK[ch] ?? ch)
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u2010-\u2015\u2212_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
