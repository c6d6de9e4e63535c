import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";

const WORKFLOW = join(__dirname, "../../.github/workflows/ship.yml");

describe(".github/workflows/ship.yml", () => {
  const text = readFileSync(WORKFLOW, "utf8");

  it("is a valid GitHub Actions workflow, as action-validator (GitHub's schema) reads it", () => {
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  it("is refused by the same validator when broken, so that the test above can fail", () => {
    expect(validateWorkflow(text.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    bogus: true")).errors).not.toEqual([]);
  });

  it("runs the README's commands: tests, policy checks, impact and cost on pull requests; deploy behind an approval, then release, on main", () => {
    for (const command of [
      "npm test",
      'npm run check -- "$ENVIRONMENT"',
      'npm run -s impact -- "$ENVIRONMENT"',
      'npm run -s cost -- "$ENVIRONMENT" --compare cost-base.json',
      'npm run deploy -- "$ENVIRONMENT" --auto-approve',
      'npm run release -- "$ENVIRONMENT" --image',
    ]) {
      expect(text).toContain(command);
    }
    expect(text).toMatch(/ {4}environment: infrastructure\n/);
    for (const role of ["github-plan", "github-infra", "github-release"]) expect(text).toContain(`\${{ env.ROLES }}-${role}`);
  });
});
