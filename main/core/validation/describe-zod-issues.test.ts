import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodIssues, zodIssueList } from './describe-zod-issues.ts';

const schema = z.object({
  officeCode: z.string().regex(/^\d{5}$/, '5 chữ số'),
  scanner: z.object({ minLength: z.number() }),
});

describe('describeZodIssues', () => {
  it('names every failing path without the values', () => {
    const error = schema.safeParse({ officeCode: 'secret-123', scanner: { minLength: 'x' } }).error!;
    const text = describeZodIssues(error);
    expect(text).toMatch(/^officeCode: 5 chữ số; scanner\.minLength: /);
    expect(text).not.toContain('secret-123');
  });

  it('prefixes paths and names the root', () => {
    expect(describeZodIssues(z.string().safeParse(1).error!, { rootName: '(sự kiện)' })).toMatch(
      /^\(sự kiện\): /,
    );
    expect(describeZodIssues(schema.safeParse({}).error!, { prefix: 'payload' })).toMatch(
      /^payload\.officeCode: /,
    );
  });
});

describe('zodIssueList', () => {
  it('lists each failing path with its message, without the values', () => {
    const error = schema.safeParse({ officeCode: 'secret-123', scanner: { minLength: 'x' } }).error!;
    const issues = zodIssueList(error);
    expect(issues.map((issue) => issue.path)).toEqual(['officeCode', 'scanner.minLength']);
    expect(issues[0]).toEqual({ path: 'officeCode', message: '5 chữ số', code: 'invalid_format' });
    expect(issues[1]?.code).toBe('invalid_type');
    expect(JSON.stringify(issues)).not.toContain('secret-123');
  });
});
