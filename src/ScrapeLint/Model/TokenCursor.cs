using Microsoft.CodeAnalysis;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The tokens at a series of places in one tree, each found from the smallest node around the previous token that holds
    /// the next place instead of from the root: places that follow one another in the text share most of their ancestors,
    /// and the root's and a type's long member lists are not searched again for each. Any order is correct; increasing
    /// places are the cheap case.
    /// </summary>
    internal sealed class TokenCursor
    {
        private readonly SyntaxNode root;
        private SyntaxNode near;

        public TokenCursor(SyntaxNode root)
        {
            this.root = root;
            near = root;
        }

        /// <summary>The token whose full span (trivia included) holds <paramref name="position"/>, as <see cref="SyntaxNode.FindToken"/> finds it from the root.</summary>
        public SyntaxToken At(int position)
        {
            var node = near;
            while (node != root && !node.FullSpan.Contains(position))
            {
                node = node.Parent!;
            }

            var token = node.FindToken(position);
            near = token.Parent ?? root;
            return token;
        }
    }
}
