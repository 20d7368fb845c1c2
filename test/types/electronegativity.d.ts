// The package ships no types; this is the part of its programmatic API the security test uses.
declare module '@doyensec/electronegativity' {
  interface Finding {
    id: string;
    file: string;
    location: { line: number; column: number };
    severity: { value: number; name: string };
    confidence: { value: number; name: string };
    manualReview: boolean;
  }
  export default function run(options: Record<string, unknown>): Promise<{ issues: Finding[]; errors: unknown[] }>;
}
